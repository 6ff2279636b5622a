import io
import tarfile

import docker
from python_on_whales import docker as cli

client = docker.from_env()

# docker save: an image's layers and config, as one tar stream
cli.build("my-app", tags=["my-app:1"])
archive = b"".join(client.images.get("my-app:1").save(named=True))
client.images.remove("my-app:1")

# docker load: the same image back, config included
(loaded,) = client.images.load(archive)
print(loaded.tags, loaded.attrs["Config"]["Cmd"])
#> ['my-app:1'] ['python', '-c', "print('Hello from my-app')"]
print(client.containers.run("my-app:1", remove=True).decode().strip())
#> Hello from my-app

# docker export: one container's files, flat, and no config
container = client.containers.run(
    "python:3.13-slim", ["sh", "-c", "echo hi > /hello.txt"], name="exported", detach=True
)
container.wait()
flat_tar = b"".join(container.export())
with tarfile.open(fileobj=io.BytesIO(flat_tar)) as tar:
    print("hello.txt" in tar.getnames())
    #> True

# docker import: a one-layer image with no CMD
client.api.import_image_from_data(flat_tar, repository="flat", tag="1")
flat = client.images.get("flat:1")
print(flat.tags, flat.attrs["Config"].get("Cmd"), len(flat.attrs["RootFS"]["Layers"]))
#> ['flat:1'] None 1
