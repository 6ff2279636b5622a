import docker

client = docker.from_env()
one, two = (
    client.containers.run("python:3.13-slim", ["sleep", "infinity"], name=name, detach=True)
    for name in ("containers-one", "containers-two")
)
one.exec_run(["sh", "-c", 'echo "only in one" > /srv/one.txt'])
print(two.exec_run(["cat", "/srv/one.txt"]).output.decode().strip())
#> cat: /srv/one.txt: No such file or directory

image = client.images.get("python:3.13-slim")
# The list endpoint with size=True reports each container's sizes, like `docker ps -s`.
shared = set()
for info in client.api.containers(size=True, filters={"name": "containers-"}):
    assert info["ImageID"] == image.id  # the same image, stored once
    writable = info.get("SizeRw", 0)  # absent when the layer is empty
    # virtual size = the image's unpacked layers + this container's writable layer
    shared.add(info["SizeRootFs"] - writable)
    virtual = info["SizeRootFs"]
    print(info["Names"][0], f"writable layer {writable} B, virtual {virtual / 1e6:.0f} MB")
    #> /containers-two writable layer 4096 B, virtual 196 MB
    #> /containers-one writable layer 12288 B, virtual 196 MB
print("the image's part is the same for both:", len(shared) == 1)
#> the image's part is the same for both: True

one.remove(force=True)
two.remove(force=True)
