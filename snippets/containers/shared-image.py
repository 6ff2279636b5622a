import docker

client = docker.from_env()
one, two = (
    client.containers.run(
        "python:3.13-slim",
        ["sleep", "infinity"],
        name=name,
        labels={"docs-example": ""},
        detach=True,
    )
    for name in ("containers-one", "containers-two")
)
one.exec_run(["sh", "-c", 'echo "only in one" > /srv/one.txt'])
print(two.exec_run(["cat", "/srv/one.txt"]).output.decode().strip())
#> cat: /srv/one.txt: No such file or directory

image = client.images.get("python:3.13-slim")
# The list endpoint with size=True reports each container's sizes, like `docker ps -s`.
for info in client.api.containers(size=True, filters={"name": "containers-"}):
    assert info["ImageID"] == image.id  # the same image, stored once
    writable = info.get("SizeRw", 0)  # absent when the layer is empty
    # virtual size = the image's layers + this container's writable layer
    assert info["SizeRootFs"] == image.attrs["Size"] + writable
    print(
        info["Names"][0],
        f"writable layer {writable} B,",
        f"virtual {info['SizeRootFs'] / 1e6:.0f} MB",
    )
    #> /containers-two writable layer 0 B, virtual <size>
    #> /containers-one writable layer 12 B, virtual <size>

one.remove(force=True)
two.remove(force=True)
