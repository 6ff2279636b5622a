import json
import time
import urllib.request

import docker
from python_on_whales import docker as cli

client = docker.from_env()
cli.build("app", tags=["worked-example-app:v1"])  # BuildKit, as `docker build`

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
    #> worked-example-a 668f0bb8f3ec Hello from a container
    #> worked-example-b d876ea3a5958 Hello from a container
    assert answer["host"] == container.short_id

for container in containers:
    container.remove(force=True)
