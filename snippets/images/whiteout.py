import json
import tarfile

import docker
from python_on_whales import DockerClient

client = docker.from_env()  # the Docker SDK: history, save
buildx = DockerClient()  # python-on-whales: builds with BuildKit, like `docker build`

# Add 5 MB and a fake token in one step, delete them in the next.
buildx.build("whiteout", tags="images-leaky", progress=False)
leaky = client.images.get("images-leaky")
for step in leaky.history()[:2]:
    print(step["CreatedBy"][:45], step["Size"])
    #> RUN /bin/sh -c rm /tmp/token.txt /tmp/downloa 8192
    #> RUN /bin/sh -c echo "token=NOT-A-REAL-SECRET" 5013504

# Every layer is still in the image: save it and look inside each layer.
with open("images-leaky.tar", "wb") as archive:
    archive.writelines(leaky.save())
wanted = ("token.txt", "download.bin")
with tarfile.open("images-leaky.tar") as saved:
    layers = json.load(saved.extractfile("manifest.json"))[0]["Layers"]
    for number, name in enumerate(layers, start=1):
        with tarfile.open(fileobj=saved.extractfile(name)) as layer:
            found = [f"{m.name} {m.size}" for m in layer.getmembers() if m.name.endswith(wanted)]
            print(f"layer {number}:", *found)
            #> layer 1:
            #> layer 2: tmp/download.bin 5000000 tmp/token.txt 24
            #> layer 3: tmp/.wh.download.bin 0 tmp/.wh.token.txt 0
    with tarfile.open(fileobj=saved.extractfile(layers[-2])) as layer:
        print(layer.extractfile("tmp/token.txt").read().decode().strip())
        #> token=NOT-A-REAL-SECRET

# The fix: create, use and delete in one RUN.
buildx.build("whiteout", file="whiteout/one-run.Dockerfile", tags="images-tidy", progress=False)
tidy = client.images.get("images-tidy")
print(tidy.history()[0]["CreatedBy"][:45], tidy.history()[0]["Size"])
#> RUN /bin/sh -c echo "token=NOT-A-REAL-SECRET" 4096

client.images.remove("images-leaky")
client.images.remove("images-tidy")
