import json
import time
import urllib.request

import docker
from python_on_whales import docker as cli

cli.build("../worked-example/app", tags=["hello-app"])
client = docker.from_env()

# -p 127.0.0.1:8080:8000: host address and port -> the container's port 8000
web = client.containers.run(
    "hello-app", name="web", detach=True, ports={"8000/tcp": ("127.0.0.1", 8080)}
)
web.reload()
print(web.ports)
#> {'8000/tcp': [{'HostIp': '127.0.0.1', 'HostPort': '8080'}]}

for _ in range(50):  # gunicorn needs a moment to start
    try:
        with urllib.request.urlopen("http://127.0.0.1:8080/") as response:
            print(json.load(response)["message"])
            #> Hello from a container
        break
    except OSError:
        time.sleep(0.2)
