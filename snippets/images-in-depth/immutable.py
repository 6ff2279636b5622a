import hashlib
import json
import tarfile

import docker
from python_on_whales import DockerClient

client = docker.from_env()  # the Docker SDK: run, inspect, save
buildx = DockerClient()  # python-on-whales: builds with BuildKit, like `docker build`

buildx.build("demo", tags="images-demo:v1", progress=False)
image = client.images.get("images-demo:v1")
print(image.id)
#> sha256:92082ae3783f08508b7c2a03710b356ddf2009e20b9fa558637f905becb00715

# On the containerd image store the ID is the digest of the image's index (or
# manifest): the blob that index.json in the saved archive points to.
# (On the classic store it is the digest of the config; see the CLI's classic tab.)
with open("images-demo.tar", "wb") as archive:
    archive.writelines(image.save())
with tarfile.open("images-demo.tar") as saved:
    top = json.load(saved.extractfile("index.json"))["manifests"][0]
    blob = saved.extractfile("blobs/sha256/" + top["digest"].removeprefix("sha256:")).read()
    digest = "sha256:" + hashlib.sha256(blob).hexdigest()
print(digest)
#> sha256:92082ae3783f08508b7c2a03710b356ddf2009e20b9fa558637f905becb00715
assert digest == image.id
for entry in json.loads(blob)["manifests"]:
    print(entry["platform"]["os"], entry["platform"]["architecture"], entry["digest"][:19])
    #> linux amd64 sha256:7ee09c7c083b
    #> unknown unknown sha256:df8d87c4d12a

# A container writes to its own layer; the image does not change.
output = client.containers.run(
    "images-demo:v1",
    ["sh", "-c", "echo changed > /message.txt && cat /message.txt"],
    name="images-writer",
)
print(output.decode().strip())
#> changed
print(client.images.get("images-demo:v1").id == image.id)
#> True
print(client.containers.run("images-demo:v1", remove=True).decode().strip())
#> first

# A tag is a name that can move: latest goes to a new image, v1 stays.
image.tag("images-demo", "latest")
buildx.build("demo", tags="images-demo:latest", build_args={"MESSAGE": "second"}, progress=False)
for tag in ("images-demo:latest", "images-demo:v1"):
    output = client.containers.run(tag, remove=True)
    print(tag, client.images.get(tag).short_id, output.decode().strip())
    #> images-demo:latest sha256:2b94d7c7bf94 second
    #> images-demo:v1 sha256:92082ae3783f first

client.containers.get("images-writer").remove()
client.images.remove("images-demo:v1")
client.images.remove("images-demo:latest")
