import docker

client = docker.from_env()
client.volumes.create("why-both-data")
script = "echo in-the-layer > /greeting.txt; echo in-the-volume > /data/note.txt"
container = client.containers.run(
    "python:3.13-slim",
    ["sh", "-c", script],
    name="why-both-commit",
    mounts=[docker.types.Mount(target="/data", source="why-both-data")],
    detach=True,
)
container.wait()

# The container's writable layer becomes one more layer of a new image.
# (commit pauses a running container while it copies; pass pause=False to not.)
before = client.images.get("python:3.13-slim").attrs["RootFS"]["Layers"]
image = container.commit(repository="why-both-committed", tag="v1")
after = image.attrs["RootFS"]["Layers"]
print(len(before), "->", len(after), "layers")
#> 1 -> 2 layers
assert after[:-1] == before

# The file written to the container's own file system is in the image; the
# file written to the volume is not.
output = client.containers.run(
    image.id,
    ["sh", "-c", "cat /greeting.txt; ls -A /data | wc -l"],
    remove=True,
)
print(output.decode().split())
#> ['in-the-layer', '0']
