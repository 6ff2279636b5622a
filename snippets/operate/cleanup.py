import docker
from python_on_whales import docker as cli

client = docker.from_env()

cli.build("cleanup", tags=["tool:1"])
client.containers.run(
    "python:3.13-slim", ["sleep", "infinity"], init=True, name="server", detach=True
)
finished = client.containers.run(
    "python:3.13-slim", ["true"], name="finished", volumes=["/scratch"], detach=True
)
finished.wait()
client.volumes.create("keep-me")

# docker container prune: stopped containers
print(len(client.containers.prune()["ContainersDeleted"]), "container(s) removed")
#> 1 container(s) removed
# docker image prune: dangling images only (there are none)
print(client.images.prune()["ImagesDeleted"])
#> None
# docker image prune -a: every image no container uses
client.images.prune(filters={"dangling": False})
print([tag for image in client.images.list() for tag in image.tags])
#> ['python:3.13-slim']
# docker volume prune: anonymous volumes no container uses
client.volumes.prune()
print([volume.name for volume in client.volumes.list()])
#> ['keep-me']
# docker builder prune
client.api.prune_builds()
