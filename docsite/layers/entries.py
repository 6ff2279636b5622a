"""One layer blob read in a single pass: its entries, whiteout markers, digest and diffID.

The digest is the sha256 of the blob as stored (what a manifest names), the
diffID the sha256 of the tar inside it (what the config's rootfs.diff_ids
names); both are computed while the tar is read, so a base layer of hundreds
of megabytes is never held in memory. Whiteout markers are kept apart from the
entries: they are instructions about lower layers, never files
(image-spec layer.md, "Whiteouts").
"""

from __future__ import annotations

import hashlib
import posixpath
import tarfile
from dataclasses import dataclass, field
from typing import BinaryIO

from docsite.layers import compression

WHITEOUT = ".wh."
OPAQUE = ".wh..wh..opq"
CHUNK = 1 << 20

TYPES = {
    tarfile.REGTYPE: "file",
    tarfile.AREGTYPE: "file",
    tarfile.CONTTYPE: "file",
    tarfile.DIRTYPE: "dir",
    tarfile.SYMTYPE: "symlink",
    tarfile.LNKTYPE: "hardlink",
    tarfile.CHRTYPE: "char",
    tarfile.BLKTYPE: "block",
    tarfile.FIFOTYPE: "fifo",
}


@dataclass(frozen=True)
class Entry:
    """A path the layer writes, with what decides whether it changed."""

    path: str
    type: str
    size: int  # bytes of content: regular files only
    mode: int
    uid: int
    gid: int
    mtime: float
    link: str = ""  # symlink or hardlink target
    sha256: str = ""  # regular files' content
    device: tuple[int, int] = (0, 0)
    xattrs: tuple[tuple[str, str], ...] = ()

    def content(self) -> tuple:
        return (self.type, self.sha256, self.link, self.device)

    def metadata(self) -> tuple:
        return (self.mode, self.uid, self.gid, self.mtime, self.xattrs)


@dataclass
class Layer:
    entries: list[Entry] = field(default_factory=list)
    whiteouts: list[str] = field(default_factory=list)  # paths hidden in lower layers
    opaque: list[str] = field(default_factory=list)  # directories whose lower children are hidden
    compression: str = ""
    digest: str = ""
    diff_id: str = ""
    compressed_size: int = 0
    uncompressed_size: int = 0


class _Hashing:
    """A reader that hashes and counts what passes through it."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream, self.hash, self.size = stream, hashlib.sha256(), 0

    def read(self, n: int = -1) -> bytes:
        data = self.stream.read(n)
        self.hash.update(data)
        self.size += len(data)
        return data

    def drain(self) -> None:
        while self.read(CHUNK):
            pass


def normalised(name: str) -> str:
    """A tar name as a path from the root: no "./", no leading or trailing "/"."""
    path = posixpath.normpath("/" + name).lstrip("/")
    return "" if path == "." else path


def _entry(member: tarfile.TarInfo, path: str, sha256: str) -> Entry:
    xattrs = tuple(
        sorted((k, v) for k, v in member.pax_headers.items() if k.startswith("SCHILY.xattr."))
    )
    return Entry(
        path=path,
        type=TYPES.get(member.type, "other"),
        size=member.size if member.isreg() else 0,
        mode=member.mode,
        uid=member.uid,
        gid=member.gid,
        mtime=member.mtime,
        link=normalised(member.linkname) if member.islnk() else member.linkname,
        sha256=sha256,
        device=(member.devmajor, member.devminor) if member.ischr() or member.isblk() else (0, 0),
        xattrs=xattrs,
    )


def read(blob: BinaryIO) -> Layer:
    """Read a layer blob (tar, tar+gzip or tar+zstd) from its first byte to its last."""
    layer = Layer()
    head = blob.read(512)
    layer.compression = compression.detect(head)
    blob.seek(0)
    stored = _Hashing(blob)
    tar_bytes = _Hashing(compression.decompressed(stored, layer.compression))
    with tarfile.open(fileobj=tar_bytes, mode="r|") as tar:
        for member in tar:
            path = normalised(member.name)
            name = posixpath.basename(path)
            if not path:
                continue  # the root directory itself
            if name == OPAQUE:
                layer.opaque.append(posixpath.dirname(path))
            elif name.startswith(WHITEOUT):
                if name == WHITEOUT:
                    raise ValueError(f"a whiteout without a name to delete: {member.name}")
                layer.whiteouts.append(posixpath.join(posixpath.dirname(path), name[4:]))
            else:
                digest = ""
                if member.isreg():
                    content, data = hashlib.sha256(), tar.extractfile(member)
                    while chunk := data.read(CHUNK):
                        content.update(chunk)
                    digest = content.hexdigest()
                layer.entries.append(_entry(member, path, digest))
    tar_bytes.drain()  # the end-of-archive padding counts in the diffID
    stored.drain()
    layer.digest = "sha256:" + stored.hash.hexdigest()
    layer.diff_id = "sha256:" + tar_bytes.hash.hexdigest()
    layer.compressed_size, layer.uncompressed_size = stored.size, tar_bytes.size
    return layer
