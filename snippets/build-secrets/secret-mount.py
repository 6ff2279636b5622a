import gzip
import io
import os
import tarfile

import docker
from python_on_whales import docker as cli

token = "not-a-real-token-123"
client = docker.from_env()
os.environ["API_TOKEN"] = token  # where the build reads the secret from
cli.build(
    "secret-mount",
    tags=["why-both-secret-mount:v1"],
    secrets=["id=api_token,env=API_TOKEN"],
)
image = client.images.get("why-both-secret-mount:v1")
print("in the history:", any(token in e["CreatedBy"] for e in image.history()))
#> in the history: False

# Every blob `docker save` writes: the layers (gzip), the config, the manifests.
with tarfile.open(fileobj=io.BytesIO(b"".join(image.save()))) as saved:
    members = [m for m in saved if m.isfile() and m.name.startswith("blobs/")]
    blobs = [saved.extractfile(m).read() for m in members]
    layers = [gzip.decompress(b) if b[:2] == b"\x1f\x8b" else b for b in blobs]
found = [blob for blob in layers if token.encode() in blob]
print(len(blobs), "blobs, with the token:", len(found))
#> 8 blobs, with the token: 0
