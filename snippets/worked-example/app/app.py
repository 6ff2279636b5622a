"""The worked example's application: a small web service."""

import socket

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    # Inside a container the host name is the container's short ID.
    return {"message": "Hello from a container", "host": socket.gethostname()}
