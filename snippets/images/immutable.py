import hashlib
import json
import tarfile

import docker

client = docker.from_env()
labels = {"docs-example": ""}

image, _ = client.images.build(
    path="demo", tag="images-demo:v1", labels=labels, rm=True
)
print(image.id)
#> sha256:1111111111111111111111111111111111111111111111111111111111111111

# The image ID is a digest of content. Which content depends on the image store.
containerd_store = "io.containerd.snapshotter.v1" in str(client.info()["DriverStatus"])
with open("images-demo.tar", "wb") as archive:
    archive.writelines(image.save())
with tarfile.open("images-demo.tar") as saved:
    if containerd_store:
        # The ID is the digest of the image's manifest (or index) blob.
        name = "blobs/sha256/" + image.id.removeprefix("sha256:")
    else:
        # The ID is the digest of the image config, which manifest.json names.
        name = json.load(saved.extractfile("manifest.json"))[0]["Config"]
    digest = "sha256:" + hashlib.sha256(saved.extractfile(name).read()).hexdigest()
print(digest)
#> sha256:1111111111111111111111111111111111111111111111111111111111111111
assert digest == image.id

# A container writes to its own layer; the image does not change.
output = client.containers.run(
    "images-demo:v1",
    ["sh", "-c", "echo changed > /message.txt && cat /message.txt"],
    name="images-writer",
    labels=labels,
)
print(output.decode().strip())
#> changed
print(client.images.get("images-demo:v1").id == image.id)
#> True
print(
    client.containers.run("images-demo:v1", remove=True, labels=labels).decode().strip()
)
#> first

# A tag is a name that can move: latest goes to a new image, v1 stays.
image.tag("images-demo", "latest")
client.images.build(
    path="demo",
    tag="images-demo:latest",
    buildargs={"MESSAGE": "second"},
    labels=labels,
    rm=True,
)
for tag in ("images-demo:latest", "images-demo:v1"):
    output = client.containers.run(tag, remove=True, labels=labels)
    print(tag, client.images.get(tag).short_id, output.decode().strip())
    #> images-demo:latest sha256:222222222222 second
    #> images-demo:v1 sha256:111111111111 first

client.containers.get("images-writer").remove()
client.images.remove("images-demo:v1")
client.images.remove("images-demo:latest")
