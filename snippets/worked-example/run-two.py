import json
import os
import time
import urllib.request

import docker

client = docker.from_env()
mirror = (
    {"PIP_INDEX_URL": os.environ["PIP_INDEX_URL"]}
    if "PIP_INDEX_URL" in os.environ
    else {}
)
image, _ = client.images.build(
    path="app",
    tag="worked-example-app:v1",
    rm=True,  # remove each step's container, as the CLI does
    network_mode="host",
    buildargs=mirror,
    labels={"docs-example": ""},
)

def ask(url):
    """GET url as JSON, retrying while the app starts (for at most about 10 s)."""
    for _ in range(50):
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return json.load(response)
        except OSError:  # not listening yet
            time.sleep(0.2)
    raise TimeoutError(url)

containers = [
    client.containers.run(
        "worked-example-app:v1",
        name=name,
        detach=True,
        labels={"docs-example": ""},
        ports={"8000/tcp": ("127.0.0.1", None)},  # a random free host port
    )
    for name in ("worked-example-a", "worked-example-b")
]
for container in containers:
    container.reload()  # fills in the published port
    port = container.ports["8000/tcp"][0]["HostPort"]
    answer = ask(f"http://127.0.0.1:{port}/")
    # The host name a container sees is its own short container ID.
    print(container.name, answer["host"], answer["message"])
    #> worked-example-a 222222222222 Hello from a container
    #> worked-example-b 111111111111 Hello from a container
    assert answer["host"] == container.short_id

for container in containers:
    container.remove(force=True)
client.images.remove("worked-example-app:v1")
