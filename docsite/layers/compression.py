"""A layer blob's compression, told from its first bytes, and a reader that undoes it.

A manifest's media type says what a layer should be, and the legacy
manifest.json of `docker save` names none; the bytes say what it is.
Magic numbers: gzip RFC 1952 section 2.3.1, zstd RFC 8878 section 3.1.1.
"""

from __future__ import annotations

import gzip
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
TAR_MAGIC_OFFSET = 257  # "ustar" in a POSIX or GNU tar header


def detect(head: bytes) -> str:
    """ "gzip", "zstd" or "tar" for a blob starting with `head` (at least 512 bytes
    when the blob has them); ValueError for anything else."""
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    if head[TAR_MAGIC_OFFSET : TAR_MAGIC_OFFSET + 5] == b"ustar" or head == b"\0" * len(head):
        return "tar"  # an empty layer is end-of-archive blocks only: all zero bytes
    raise ValueError(f"not a tar, gzip or zstd blob (starts with {head[:8].hex()})")


def decompressed(blob: BinaryIO, kind: str) -> BinaryIO:
    """A reader of the tar inside `blob`, which is compressed as `kind` says."""
    if kind == "tar":
        return blob
    if kind == "gzip":
        return gzip.GzipFile(fileobj=blob, mode="rb")
    try:  # Python 3.14 and later have zstd in the standard library
        from compression import zstd  # type: ignore[import-not-found]
    except ImportError:
        raise ValueError("a zstd layer needs Python 3.14 or later to read") from None
    return zstd.ZstdFile(blob)
