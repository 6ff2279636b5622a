import os

import docker

client = docker.from_env()

def human(size):
    """A size in bytes, printed the way docker history prints it."""
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000:
            return f"{size:.3g}{unit}"
        size /= 1000

# The worked example's app (see the Worked example page for the two build options).
image, _ = client.images.build(
    path="../worked-example/app",
    tag="images-app",
    network_mode="host",
    buildargs=(
        {"PIP_INDEX_URL": os.environ["PIP_INDEX_URL"]}
        if "PIP_INDEX_URL" in os.environ
        else {}
    ),
    labels={"docs-example": ""},
    rm=True,  # remove the intermediate containers (the CLI does this by default)
)

# One history entry per instruction, newest first; only some hold files.
history = image.history()
for step in history:
    print(f"{step['CreatedBy'][:45]:46} {human(step['Size'])}")
    #> /bin/sh -c #(nop)  LABEL docs-example=         0B
    #> /bin/sh -c #(nop)  CMD ["gunicorn" "--bind" "  0B
    #> /bin/sh -c #(nop)  EXPOSE 8000                 0B
    #> /bin/sh -c #(nop)  USER app                    0B
    #> /bin/sh -c #(nop) COPY file:e7be5d7c6473f2843  300B
    #> |1 PIP_INDEX_URL=http://127.0.0.1:3141/simple  6.86MB
    #> /bin/sh -c #(nop)  ARG PIP_INDEX_URL           0B
    #> /bin/sh -c #(nop) COPY file:358015ed3e55af4ce  215B
    #> /bin/sh -c #(nop) WORKDIR /app                 0B
    #> /bin/sh -c useradd --uid 10001 --no-create-ho  4.35kB
    #> /bin/sh -c #(nop)  ENV PYTHONUNBUFFERED=1 PYT  0B
    #> /bin/sh -c #(nop)  LABEL org.opencontainers.i  0B
    #>                                                <size>

# The settings are in the image config, not in a layer.
config = image.attrs["Config"]
print(config["User"], config["WorkingDir"], config["Cmd"])
#> app /app ['gunicorn', '--bind', '0.0.0.0:8000', '--workers', '2', 'app:app']

layers = image.attrs["RootFS"]["Layers"]
print(len(history), "history entries,", len(layers), "file-system layers")
#> 13 history entries, 6 file-system layers

# The app image starts with the base image's layers, the very same ones.
base = client.images.get("python:3.13-slim").attrs["RootFS"]["Layers"]
print(base[0])
#> sha256:1111111111111111111111111111111111111111111111111111111111111111
print(layers[0])
#> sha256:1111111111111111111111111111111111111111111111111111111111111111
assert layers[: len(base)] == base

client.images.remove("images-app")
