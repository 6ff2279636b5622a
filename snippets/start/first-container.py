import docker

client = docker.from_env()

# docker run: create a container from the image, start it, wait for its output
output = client.containers.run(
    "python:3.13-slim",
    ["python", "-c", "print('Hello from a container')"],
    name="first",
)
print(output.decode().strip())
#> Hello from a container

# the image and the container are two different objects
image = client.images.get("python:3.13-slim")
print("image:", image.tags)
#> image: ['python:3.13-slim']
container = client.containers.get("first")
print("container:", container.name, container.status)
#> container: first exited

# change a file in the container, then remove it
client.containers.run(
    "python:3.13-slim", ["sh", "-c", "echo 'my change' > /notes.txt"], name="scratchpad"
)
scratchpad = client.containers.get("scratchpad")
print(scratchpad.diff())
#> [{'Path': '/notes.txt', 'Kind': 1}]
scratchpad.remove()

# a new container from the same image does not have the file
try:
    client.containers.run("python:3.13-slim", ["cat", "/notes.txt"], remove=True)
except docker.errors.ContainerError as error:
    print(error.stderr.decode().strip())
    #> cat: /notes.txt: No such file or directory
