import docker
from python_on_whales import docker as cli

client = docker.from_env()

# Build with BuildKit (python-on-whales runs the docker CLI), then tag for the registry.
cli.build("registry", tags=["images-app:v1"])
image = client.images.get("images-app:v1")
image.tag("localhost:5000/images-app", "v1")
print(image.id)
#> sha256:aeff83974156059c0604ec6018bca5287d139d5e1152ba183e56b85ffb086d2d

# Push: the engine uploads each blob the registry lacks, then the index, by digest.
statuses = []
for event in client.images.push("localhost:5000/images-app", "v1", stream=True, decode=True):
    statuses.append(event.get("status", ""))
print(statuses.count("Pushed"), "blobs pushed")
#> 3 blobs pushed
print(next(s for s in statuses if "digest:" in s).split(" size:")[0])
#> v1: digest: sha256:aeff83974156059c0604ec6018bca5287d139d5e1152ba183e56b85ffb086d2d

# Ask the registry what the tag points to now, without pulling anything.
remote = client.images.get_registry_data("localhost:5000/images-app:v1")
print(remote.id)
#> sha256:aeff83974156059c0604ec6018bca5287d139d5e1152ba183e56b85ffb086d2d
print(remote.attrs["Descriptor"]["mediaType"])
#> application/vnd.oci.image.index.v1+json
for platform in remote.attrs["Platforms"]:
    print(platform["os"] + "/" + platform["architecture"])
    #> linux/amd64
    #> unknown/unknown

# Remove every local copy, then pull it back from the registry.
client.images.remove("images-app:v1")
client.images.remove("localhost:5000/images-app:v1")
pulled = client.images.pull("localhost:5000/images-app", tag="v1")
print(pulled.id)
#> sha256:aeff83974156059c0604ec6018bca5287d139d5e1152ba183e56b85ffb086d2d
print(pulled.attrs["RepoDigests"][0].split("@")[1])
#> sha256:aeff83974156059c0604ec6018bca5287d139d5e1152ba183e56b85ffb086d2d
print(client.containers.run(pulled, remove=True).decode().strip())
#> first
