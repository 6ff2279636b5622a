import os

import docker

client = docker.from_env()
# A package mirror if PIP_INDEX_URL names one; without it pip uses PyPI.
mirror = (
    {"PIP_INDEX_URL": os.environ["PIP_INDEX_URL"]}
    if "PIP_INDEX_URL" in os.environ
    else {}
)

image, logs = client.images.build(
    path="app",
    tag="worked-example-app:v1",
    rm=True,  # remove each step's container, as the CLI does
    network_mode="host",
    buildargs=mirror,
    labels={"docs-example": ""},
)
steps = [
    line["stream"].strip()
    for line in logs
    if line.get("stream", "").startswith("Step ")
]
print(steps[0])
#> Step 1/13 : FROM python:3.13-slim
print(steps[-1])
#> Step 13/13 : LABEL docs-example=
print(image.tags, len(image.attrs["RootFS"]["Layers"]), "layers")
#> ['worked-example-app:v1'] 6 layers

client.images.remove("worked-example-app:v1")
