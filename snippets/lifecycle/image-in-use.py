import docker

client = docker.from_env()
image, _ = client.images.build(
    path="in-use",
    tag="lifecycle-in-use:v1",
    labels={"docs-example": ""},
    rm=True,  # remove the build's intermediate containers, as `docker build` does
)
output = client.containers.run(
    "lifecycle-in-use:v1", name="lifecycle-in-use", labels={"docs-example": ""}
)
print(output.decode().strip())
#> Hello from lifecycle-in-use.
container = client.containers.get("lifecycle-in-use")
print(container.status)
#> exited

try:
    client.images.remove("lifecycle-in-use:v1")
except docker.errors.APIError as error:
    print(error.explanation)
    '''
    conflict: unable to remove repository reference "lifecycle-in-use:v1" (must force) - container 111111111111 is using its referenced image 222222222222
    '''

container.remove()
client.images.remove("lifecycle-in-use:v1")
try:
    client.images.get(image.id)
except docker.errors.ImageNotFound:
    print("image removed")
    #> image removed
