import docker
from python_on_whales import docker as cli

client = docker.from_env()
# The docker SDK only speaks the classic builder's API; python-on-whales runs
# `docker buildx build`, so this is the same BuildKit build as the CLI tab's.
built = cli.build("app", tags=["worked-example-app:v1"])
image = client.images.get("worked-example-app:v1")
print(image.id == built.id, image.tags, len(image.attrs["RootFS"]["Layers"]), "layers")
#> True ['worked-example-app:v1'] 6 layers

client.images.remove("worked-example-app:v1")
print(client.images.list(name="worked-example-app"))
#> []
