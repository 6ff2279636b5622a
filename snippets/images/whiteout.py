import json
import os
import tarfile

import docker

client = docker.from_env()
labels = {"docs-example": ""}
base = client.images.get("python:3.13-slim")

# Add 5 MB and a fake token in one step, delete them in the next.
leaky, _ = client.images.build(
    path="whiteout", tag="images-leaky", labels=labels, rm=True
)
for step in leaky.history()[:3]:
    print(step["CreatedBy"][:45], step["Size"])
    #> /bin/sh -c #(nop)  LABEL docs-example= 0
    #> /bin/sh -c rm /tmp/token.txt /tmp/download.bi 0
    #> /bin/sh -c echo "token=NOT-A-REAL-SECRET" > / 5000024
print(leaky.attrs["Size"] - base.attrs["Size"], "bytes more than the base")
#> 5000024 bytes more than the base

# Every layer is still in the image: save it and look inside each layer.
with open("images-leaky.tar", "wb") as archive:
    archive.writelines(leaky.save())
wanted = ("token.txt", "download.bin")
with tarfile.open("images-leaky.tar") as saved:
    layers = json.load(saved.extractfile("manifest.json"))[0]["Layers"]
    for number, name in enumerate(layers, start=1):
        with tarfile.open(fileobj=saved.extractfile(name)) as layer:
            found = [f for f in layer.getnames() if f.endswith(wanted)]
            print(f"layer {number}:", *found)
            #> layer 1:
            #> layer 2: tmp/download.bin tmp/token.txt
            #> layer 3: tmp/.wh.download.bin tmp/.wh.token.txt
    with tarfile.open(fileobj=saved.extractfile(layers[-2])) as layer:
        print(layer.extractfile("tmp/token.txt").read().decode().strip())
        #> token=NOT-A-REAL-SECRET
os.remove("images-leaky.tar")

# The fix: create, use and delete in one RUN.
tidy, _ = client.images.build(
    path="whiteout",
    dockerfile="one-run.Dockerfile",
    tag="images-tidy",
    labels=labels,
    rm=True,
)
print(tidy.attrs["Size"] - base.attrs["Size"], "bytes more than the base")
#> 0 bytes more than the base

client.images.remove("images-leaky")
client.images.remove("images-tidy")
