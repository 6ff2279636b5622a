import docker

client = docker.from_env()
client.volumes.create("lifecycle-data")
mount = {"lifecycle-data": {"bind": "/data", "mode": "rw"}}

write = (
    'echo "kept in the volume" > /data/note.txt;'
    ' echo "kept in the writable layer" > /srv/note.txt'
)
writer = client.containers.run(
    "python:3.13-slim",
    ["sh", "-c", write],
    name="lifecycle-writer",
    volumes=mount,
    detach=True,
)
writer.wait()
writer.remove()  # the writable layer goes; the volume stays

reader = {"volumes": mount, "remove": True}

# A new container, the same volume: the volume's file is there...
output = client.containers.run("python:3.13-slim", ["cat", "/data/note.txt"], **reader)
print(output.decode().strip())
#> kept in the volume
# ...the old container's writable layer is not.
try:
    client.containers.run("python:3.13-slim", ["cat", "/srv/note.txt"], **reader)
except docker.errors.ContainerError as error:  # cat exited with status 1
    print(error.stderr.decode().strip())
    #> cat: /srv/note.txt: No such file or directory

client.volumes.get("lifecycle-data").remove()
