"""One image inside the archive `docker save` writes, down to its config and layer blobs.

Since Docker 25 the archive is an OCI image layout (index.json, blobs/sha256/)
with the legacy manifest.json beside it. On the classic store index.json points
straight at the image's manifest; on the containerd store it points at the
image's index, which lists the platform's manifest and, for a BuildKit build,
an attestation manifest: so indexes are followed down to the one image manifest
(image-spec image-layout.md, image-index.md). Every blob read is checked against
its descriptor's digest and size.
"""

from __future__ import annotations

import hashlib
import json
import tarfile
from dataclasses import dataclass
from typing import BinaryIO

INDEX_TYPES = {
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
}
MANIFEST_TYPES = {
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
}
# BuildKit's provenance attestations: an image manifest in the index that is no image.
ATTESTATION = ("vnd.docker.reference.type", "attestation-manifest")


@dataclass(frozen=True)
class Blob:
    """A layer as the manifest describes it; `digest` None in a legacy archive."""

    member: str
    digest: str | None
    size: int | None
    media_type: str | None


@dataclass
class SavedImage:
    layout: str  # "oci" (index.json) or "legacy" (manifest.json only)
    manifest_digest: str | None
    config_digest: str
    config: dict
    layers: list[Blob]


def blob_member(digest: str) -> str:
    algorithm, _, encoded = digest.partition(":")
    return f"blobs/{algorithm}/{encoded}"


def verified(saved: tarfile.TarFile, descriptor: dict) -> bytes:
    """A small blob's bytes (an index, a manifest, a config), checked against its descriptor."""
    data = saved.extractfile(blob_member(descriptor["digest"])).read()
    found = "sha256:" + hashlib.sha256(data).hexdigest()
    if found != descriptor["digest"] or len(data) != descriptor.get("size", len(data)):
        raise ValueError(f"blob {descriptor['digest']} does not match its descriptor")
    return data


def image_manifests(saved: tarfile.TarFile, names: set[str], index: dict) -> list[dict]:
    """The image-manifest descriptors an index leads to, nested indexes followed;
    attestations and manifests the archive does not hold are left out."""
    found = []
    for descriptor in index.get("manifests", []):
        if blob_member(descriptor["digest"]) not in names:
            continue  # docker save keeps only the platforms the engine holds
        media_type = descriptor.get("mediaType")
        if media_type in INDEX_TYPES:
            found += image_manifests(saved, names, json.loads(verified(saved, descriptor)))
        elif media_type in MANIFEST_TYPES:
            annotations = descriptor.get("annotations", {})
            if annotations.get(ATTESTATION[0]) != ATTESTATION[1]:
                found.append(descriptor)
    unique = {d["digest"]: d for d in found}  # several tags name the same manifest
    return list(unique.values())


def read(saved: tarfile.TarFile) -> SavedImage:
    """The one image in an opened `docker save` archive."""
    names = set(saved.getnames())
    if "index.json" in names:
        index = json.load(saved.extractfile("index.json"))
        manifests = image_manifests(saved, names, index)
        if len(manifests) != 1:
            raise ValueError(f"expected one image in the archive, found {len(manifests)}")
        manifest = json.loads(verified(saved, manifests[0]))
        config = json.loads(verified(saved, manifest["config"]))
        layers = [
            Blob(blob_member(d["digest"]), d["digest"], d["size"], d.get("mediaType"))
            for d in manifest["layers"]
        ]
        return SavedImage(
            "oci", manifests[0]["digest"], manifest["config"]["digest"], config, layers
        )
    legacy = json.load(saved.extractfile("manifest.json"))
    if len(legacy) != 1:
        raise ValueError(f"expected one image in the archive, found {len(legacy)}")
    data = saved.extractfile(legacy[0]["Config"]).read()
    layers = [Blob(name, None, None, None) for name in legacy[0]["Layers"]]
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    return SavedImage("legacy", None, digest, json.loads(data), layers)


def open_blob(saved: tarfile.TarFile, blob: Blob) -> BinaryIO:
    return saved.extractfile(blob.member)
