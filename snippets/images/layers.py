import docker
from python_on_whales import DockerClient

client = docker.from_env()  # the Docker SDK: inspect and history
buildx = DockerClient()  # python-on-whales: builds with BuildKit, like `docker build`

def human(size):
    """A size in bytes, printed the way docker history prints it."""
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000:
            return f"{size:.3g}{unit}"
        size /= 1000

# The worked example's app (see the Worked example page).
buildx.build("../worked-example/app", tags="images-app", progress=False)
image = client.images.get("images-app")

# One history entry per instruction, newest first; only some hold files.
history = image.history()
for step in history:
    print(f"{step['CreatedBy'][:45]:46} {human(step['Size'])}")
    #> CMD ["gunicorn" "--bind" "0.0.0.0:8000" "--wo  0B
    #> EXPOSE [8000/tcp]                              0B
    #> USER app                                       0B
    #> COPY app.py . # buildkit                       12.3kB
    #> RUN /bin/sh -c pip install --no-cache-dir --r  8.19MB
    #> COPY requirements.txt . # buildkit             12.3kB
    #> WORKDIR /app                                   8.19kB
    #> RUN /bin/sh -c useradd --uid 10001 --no-creat  49.2kB
    #> ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECOD  0B
    #> LABEL org.opencontainers.image.title=hello-ap  0B
    #>                                                196MB

# The settings are in the image config, not in a layer.
config = image.attrs["Config"]
print(config["User"], config["WorkingDir"], config["Cmd"])
#> app /app ['gunicorn', '--bind', '0.0.0.0:8000', '--workers', '2', 'app:app']

layers = image.attrs["RootFS"]["Layers"]
print(len(history), "history entries,", len(layers), "file-system layers")
#> 11 history entries, 6 file-system layers

# The app image starts with the base image's layers, the very same ones.
base = client.images.get("python:3.13-slim").attrs["RootFS"]["Layers"]
print(base[0])
#> sha256:80311f35d7a8a9810a74cce2ce3cc022845b5e63df3f59ac4c0d9cd161ded650
print(layers[0])
#> sha256:80311f35d7a8a9810a74cce2ce3cc022845b5e63df3f59ac4c0d9cd161ded650
assert layers[: len(base)] == base

client.images.remove("images-app")
