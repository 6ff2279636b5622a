import docker
from python_on_whales import docker as cli

client = docker.from_env()
image = cli.build("in-use", tags=["lifecycle-in-use:v1"])  # BuildKit, as `docker build`
output = client.containers.run("lifecycle-in-use:v1", name="lifecycle-in-use")
print(output.decode().strip())
#> Hello from lifecycle-in-use.
container = client.containers.get("lifecycle-in-use")
print(container.status)
#> exited

# By tag, and by ID: the engine refuses while the container exists.
for name in ("lifecycle-in-use:v1", image.id):
    try:
        client.images.remove(name)
    except docker.errors.APIError as error:
        # "conflict: unable to delete ... (must be forced) - <why>"
        print(error.explanation.partition(" - ")[2])
        #> container 3bf2e2265b3c is using its referenced image 8a34bc4c0ca7
        #> image is being used by stopped container 3bf2e2265b3c

container.remove()
client.images.remove("lifecycle-in-use:v1")
try:
    client.images.get(image.id)
except docker.errors.ImageNotFound:
    print("image removed")
    #> image removed
