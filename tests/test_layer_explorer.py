"""The layer explorer (docsite/layers/, docs/explorer/): right, and current.

Without an engine: synthetic layers prove the whiteout rules (markers act first,
on lower layers only, whatever the tar order), the compression detection, the
archive reading (a nested index, an attestation, a tampered blob) and that the
committed pages are the rendering of the committed JSON.

On the private engine, both stores: each explored image's changes agree with
the engine's own account (`docker diff` of a container that replays each RUN
step on the image built up to it, and the filesystem a container of the image
sees); a control image loaded from crafted layers (a whiteout, an opaque
directory, a directory re-created in the same layer, its marker written last)
is seen by the engine exactly as the explorer applies it; and the committed
files match a fresh build (`make layers` regenerates them).
"""

from __future__ import annotations

import ast
import copy
import gzip
import hashlib
import io
import itertools
import json
import re
import sys
import tarfile
from pathlib import Path

import pytest
from support.docker_env import check_alive, reset

from docsite.examples import layer_explorer as explorer
from docsite.layers import archive, changes, compression, entries, history, output, render, report
from docsite.paths import DOCS, ROOT


# ------------------------------------------------------------------ synthetic layers
def layer_tar(members: list[tuple[str, bytes | None]]) -> bytes:
    """A layer tar: (name, content) with None for a directory, in the given order."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, content in members:
            info = tarfile.TarInfo(name.rstrip("/"))
            info.mtime = 1764288000
            if content is None:
                info.type, info.mode = tarfile.DIRTYPE, 0o755
                tar.addfile(info)
            else:
                info.size, info.mode = len(content), 0o644
                tar.addfile(info, io.BytesIO(content))
    return out.getvalue()


# The image-spec's own examples (layer.md, "Whiteouts" and "Opaque Whiteout"), under ctl/.
LOWER = [
    ("ctl/", None),
    ("ctl/file1", b"one"),
    ("ctl/keep", b"kept"),
    ("ctl/a/", None),
    ("ctl/a/b/", None),
    ("ctl/a/b/c/", None),
    ("ctl/a/b/c/bar", b"bar"),
    ("ctl/d/", None),
    ("ctl/d/x", b"x"),
]
# a/b deleted and re-created with a/b/c/foo (the opaque marker written last, as the
# spec's second form does); file1 and the whole of d whited out; d/x shipped first.
UPPER = [
    ("ctl/", None),
    ("ctl/a/", None),
    ("ctl/a/b/", None),
    ("ctl/a/b/c/", None),
    ("ctl/a/b/c/foo", b"foo"),
    ("ctl/a/.wh..wh..opq", b""),
    ("ctl/.wh.file1", b""),
    ("ctl/.wh.d", b""),
]
AFTER = {"ctl", "ctl/keep", "ctl/a", "ctl/a/b", "ctl/a/b/c", "ctl/a/b/c/foo"}


def read(data: bytes) -> entries.Layer:
    return entries.read(io.BytesIO(data))


def replayed(*layers: bytes) -> tuple[list[changes.Changes], dict, list[changes.Wasted]]:
    every, snapshots, waste = changes.replay([read(data) for data in layers])
    return every, snapshots[-1], waste


def naive(*layers: bytes) -> set[str]:
    """Markers applied where they stand in the tar, to everything so far: the
    misreading the ordering rule forbids."""
    state: set[str] = set()
    for data in layers:
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            for member in tar:
                path = entries.normalised(member.name)
                folder, name = path.rsplit("/", 1) if "/" in path else ("", path)
                if name == entries.OPAQUE:
                    state = {p for p in state if not p.startswith(folder + "/")}
                elif name.startswith(entries.WHITEOUT):
                    gone = f"{folder}/{name[4:]}".lstrip("/")
                    state = {p for p in state if p != gone and not p.startswith(gone + "/")}
                else:
                    state.add(path)
    return state


def test_markers_act_first_and_on_lower_layers_only():
    every, final, waste = replayed(layer_tar(LOWER), layer_tar(UPPER))
    assert set(final) == AFTER
    upper = every[1]
    assert [e.path for e in upper.added] == ["ctl/a/b/c/foo"]
    assert [e.path for e in upper.deleted] == ["ctl/a/b/c/bar", "ctl/d", "ctl/d/x", "ctl/file1"]
    assert [e.path for e in upper.metadata] == ["ctl", "ctl/a", "ctl/a/b", "ctl/a/b/c"]
    assert upper.changed == []
    # No marker is ever a file.
    assert not any(".wh." in p for p in final)
    # What was shipped and then deleted still counts.
    assert {(w.path, w.size, w.layer, w.fate, w.by) for w in waste} == {
        ("ctl/file1", 3, 1, "deleted", 2),
        ("ctl/a/b/c/bar", 3, 1, "deleted", 2),
        ("ctl/d/x", 1, 1, "deleted", 2),
    }


def test_the_order_of_entries_in_the_tar_does_not_matter():
    lower = layer_tar(LOWER)
    for order in itertools.islice(itertools.permutations(UPPER), 0, None, 997):
        _, final, _ = replayed(lower, layer_tar(list(order)))
        assert set(final) == AFTER, order


def test_control_the_naive_reading_gets_the_upper_layer_wrong():
    """The synthetic layers can tell the two readings apart: in-order markers
    delete the re-created a/b/c/foo."""
    assert naive(layer_tar(LOWER), layer_tar(UPPER)) != AFTER
    assert "ctl/a/b/c/foo" not in naive(layer_tar(LOWER), layer_tar(UPPER))


def test_a_file_over_a_lower_folder_replaces_it_and_its_contents():
    lower = layer_tar([("x/", None), ("x/inner", b"12345")])
    every, final, waste = replayed(lower, layer_tar([("x", b"now a file")]))
    assert set(final) == {"x"}
    assert [e.path for e in every[1].changed] == ["x"]
    assert [e.path for e in every[1].deleted] == ["x/inner"]
    assert [(w.path, w.fate) for w in waste] == [("x/inner", "deleted")]


def test_content_changes_are_told_from_metadata_changes():
    lower = layer_tar([("f", b"same"), ("g", b"old")])
    every, _, waste = replayed(lower, layer_tar([("f", b"same"), ("g", b"new")]))
    assert [e.path for e in every[1].metadata] == ["f"]
    assert [e.path for e in every[1].changed] == ["g"]
    assert {(w.path, w.fate) for w in waste} == {("f", "replaced"), ("g", "replaced")}


def test_a_bare_whiteout_is_an_error():
    with pytest.raises(ValueError, match="without a name"):
        read(layer_tar([(".wh.", b"")]))


# ------------------------------------------------------------------ compression
def test_compression_is_told_from_the_bytes():
    plain = layer_tar(LOWER)
    packed = gzip.compress(plain, mtime=0)
    a, b = read(plain), read(packed)
    assert (a.compression, b.compression) == ("tar", "gzip")
    assert a.diff_id == b.diff_id == "sha256:" + hashlib.sha256(plain).hexdigest()
    assert b.digest == "sha256:" + hashlib.sha256(packed).hexdigest() != a.digest
    assert (b.compressed_size, b.uncompressed_size) == (len(packed), len(plain))
    assert a.entries == b.entries
    assert compression.detect(b"\x28\xb5\x2f\xfd" + bytes(508)) == "zstd"
    assert compression.detect(bytes(1024)) == "tar"  # an empty layer: end-of-archive blocks
    with pytest.raises(ValueError, match="not a tar"):
        compression.detect(b"PK\x03\x04" + bytes(508))


# ------------------------------------------------------------------ archives
def _blob(files: dict, data: bytes, media_type: str) -> dict:
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    files[archive.blob_member(digest)] = data
    return {"mediaType": media_type, "digest": digest, "size": len(data)}


def saved_archive(layers: list[bytes], tamper: bool = False) -> bytes:
    """A containerd-store style `docker save`: index.json -> image index -> the
    platform's manifest and an attestation manifest."""
    files: dict[str, bytes] = {}
    diff_ids = []
    descriptors = []
    for data in layers:
        diff_ids.append("sha256:" + hashlib.sha256(data).hexdigest())
        packed = gzip.compress(data, mtime=0)
        descriptors.append(_blob(files, packed, "application/vnd.oci.image.layer.v1.tar+gzip"))
    config = {
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": [
            {"created_by": "ADD base / # buildkit"},
            {"created_by": "ENV A=1", "empty_layer": True},
            {"created_by": "RUN /bin/sh -c rm -rf d # buildkit"},
        ][: len(layers) + 1],
    }
    config_d = _blob(files, json.dumps(config).encode(), "application/vnd.oci.image.config.v1+json")
    manifest = {"schemaVersion": 2, "config": config_d, "layers": descriptors}
    manifest_d = _blob(
        files, json.dumps(manifest).encode(), "application/vnd.oci.image.manifest.v1+json"
    )
    manifest_d["platform"] = {"architecture": "amd64", "os": "linux"}
    attestation = {"schemaVersion": 2, "config": config_d, "layers": []}
    attestation_d = _blob(
        files, json.dumps(attestation).encode(), "application/vnd.oci.image.manifest.v1+json"
    )
    attestation_d["annotations"] = {"vnd.docker.reference.type": "attestation-manifest"}
    index = {"schemaVersion": 2, "manifests": [manifest_d, attestation_d]}
    index_d = _blob(files, json.dumps(index).encode(), "application/vnd.oci.image.index.v1+json")
    files["index.json"] = json.dumps({"schemaVersion": 2, "manifests": [index_d]}).encode()
    if tamper:
        member = descriptors[-1]["digest"]
        files[archive.blob_member(member)] = gzip.compress(layers[-1] + bytes(512), mtime=0)
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def test_a_nested_index_leads_to_the_one_image(tmp_path):
    path = tmp_path / "saved.tar"
    path.write_bytes(saved_archive([layer_tar(LOWER), layer_tar(UPPER)]))
    document = report.explore(path, "control")
    assert [s["layer"] for s in document["steps"]] == [1, None, 2]
    assert [layer["compression"] for layer in document["layers"]] == ["gzip", "gzip"]
    assert {row[0] for row in document["filesystem"]} == AFTER


def test_a_tampered_layer_is_refused(tmp_path):
    path = tmp_path / "saved.tar"
    path.write_bytes(saved_archive([layer_tar(LOWER), layer_tar(UPPER)], tamper=True))
    with pytest.raises(ValueError, match="does not match"):
        report.explore(path, "control")


def test_history_pairs_config_only_steps_with_no_layer():
    config = {
        "rootfs": {"diff_ids": ["sha256:a", "sha256:b"]},
        "history": [
            {"comment": "Imported from -"},
            {"created_by": "LABEL x=1", "empty_layer": True},
            {"created_by": "COPY app.py . # buildkit"},
        ],
    }
    assert history.steps(config) == [
        history.Step("Imported from -", 1),
        history.Step("LABEL x=1", None),
        history.Step("COPY app.py .", 2),
    ]
    config["rootfs"]["diff_ids"].append("sha256:c")
    with pytest.raises(ValueError, match="names 2 layers"):
        history.steps(config)


# ------------------------------------------------------------------ the committed files
@pytest.mark.parametrize("source", explorer.IMAGES, ids=lambda s: s.name)
def test_committed_page_renders_the_committed_json(source):
    data, markdown = output.paths(source.name)
    document = output.read(source.name)
    assert markdown.read_text() == render.page(document, data.name), (
        f"{markdown.relative_to(ROOT)} is not the rendering of {data.name}: run `make layers`"
    )
    page = DOCS / "explorer" / f"{source.name}.md"
    assert f'--8<-- "explorer/{source.name}.md"' in page.read_text()


def test_the_deleted_secret_shows_as_still_shipped():
    document = output.read("images-leaky")
    token = [w for w in document["wasted"] if w["path"] == "tmp/token.txt"]
    assert token == [{"path": "tmp/token.txt", "size": 24, "layer": 2, "fate": "deleted", "by": 3}]
    assert "tmp/token.txt" not in {row[0] for row in document["filesystem"]}
    assert "| `/tmp/token.txt` | 24 | 2 | deleted in 3 |" in (
        output.paths("images-leaky")[1].read_text()
    )


def test_explorer_text_stays_out_of_search_but_its_headings_do_not(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    docs = [d for d in index["docs"] if d["location"].startswith("explorer/images-leaky/")]
    titles = {d["title"] for d in docs}
    assert {"Layers", "Wasted space"} <= titles
    assert "Layer 3: RUN rm /tmp/token.txt /tmp/download.bin" in {
        re.sub(r"<[^>]+>", "", t) for t in titles
    }
    text = " ".join(d["text"] for d in docs)
    assert "download.bin" not in text and "dist-packages" not in text


# ------------------------------------------------------------------ against the engine
def _explore(running, source) -> dict:
    return explorer.explore(running.env(), source)


def _stores(request, store):
    return request.getfixturevalue("classic_engine" if store == "classic" else "engine")


def instructions(dockerfile: str) -> list[str]:
    logical = re.sub(r"\\\n\s*", " ", dockerfile)
    return [line for line in (ln.strip() for ln in logical.splitlines()) if line and line[0] != "#"]


def engine_diff(running, source, document, number: int) -> dict[str, set[str]]:
    """`docker diff` of a container that replays the RUN step of layer `number` on
    the image built up to the step before it (the build cache gives the same layers)."""
    steps = document["steps"]
    index = next(i for i, s in enumerate(steps) if s["layer"] == number)
    command = steps[index]["step"].removeprefix("RUN /bin/sh -c ")
    lines = instructions((source.cwd / source.context / source.dockerfile).read_text())
    # History entries above the base pair with the Dockerfile's lines after FROM.
    base_entries = sum(1 for s in steps if s["layer"] == 1)
    before = lines[: 1 + index - base_entries]
    env = running.env()
    parent = f"{source.name}-before-{number}"
    explorer.docker(
        env,
        "build",
        "-t",
        parent,
        "-f",
        "-",
        source.context,
        cwd=source.cwd,
        stdin="\n".join(before) + "\n",
    )
    name = f"replay-{source.name}-{number}"
    explorer.docker(env, "run", "--name", name, "--entrypoint", "/bin/sh", parent, "-c", command)
    found: dict[str, set[str]] = {"A": set(), "C": set(), "D": set()}
    for line in explorer.docker(env, "diff", name).stdout.splitlines():
        kind, path = line.split(" ", 1)
        found[kind].add(path.lstrip("/"))
    return found


def _same_time(a: float, b: float) -> bool:
    """go-archive's sameFsTime: equal, or the same second where one side has no
    sub-second part (a time truncated by a tar format)."""
    return a == b or (int(a) == int(b) and (a == int(a) or b == int(b)))


def _stat_differs(old: entries.Entry, new: entries.Entry) -> bool:
    """What `docker diff` compares for a path in both trees (moby/go-archive
    changes_unix.go, statDifferent): mode, owner and device; for a non-directory
    also size and modification time. Never the content."""
    if (old.type, old.mode, old.uid, old.gid, old.device) != (
        new.type,
        new.mode,
        new.uid,
        new.gid,
        new.device,
    ):
        return True
    return new.type != "dir" and (old.size != new.size or not _same_time(old.mtime, new.mtime))


def docker_view(found: changes.Changes, before: dict[str, changes.Version]) -> dict[str, set[str]]:
    """A layer's changes as `docker diff` would list them. A path the layer wrote
    again counts as changed only when its stat differs: a file rewritten with new
    content but the same size and time (useradd's backup /etc/group- keeps the
    original's time) is a change in the layer that `docker diff` cannot see."""
    return {
        "A": {e.path for e in found.added},
        "C": {
            e.path for e in found.changed + found.metadata if _stat_differs(before[e.path].entry, e)
        },
        "D": {e.path for e in found.deleted},
    }


def generated_diff(layer: dict) -> dict[str, set[str]]:
    return {
        "A": {row[0] for row in layer["added"]},
        "C": {row[0] for row in layer["changed"] + layer["metadata"]},
        "D": {row[0] for row in layer["deleted"]},
    }


def folders(*rows_of: list) -> set[str]:
    """The directories among rows of a document ([path, type, ...] lists)."""
    return {row[0] for rows in rows_of for row in rows if row[1] == "dir"}


def layer_folders(document: dict, layer: dict) -> set[str]:
    return folders(document["filesystem"], *(layer[kind] for kind in report.CHANGE_KINDS))


def agree(generated: dict[str, set[str]], engine: dict[str, set[str]], dirs: set[str]) -> list:
    """Where the two accounts differ. Folders are left out of C: `docker diff`
    lists every folder with a change inside it (go-archive's addChanges), and
    whether a layer holds such a folder's entry depends on the store's differ."""
    problems = []
    for kind in "ACD":
        ours, theirs = generated[kind], engine[kind]
        if kind == "C":
            ours, theirs = ours - dirs, theirs - dirs
        if ours != theirs:
            problems.append((kind, sorted(ours - theirs), sorted(theirs - ours)))
    return problems


# What Docker's init layer adds under every container (moby daemon/initlayer/setup_unix.go),
# with /dev, /proc and /sys: not the image's.
RUNTIME = {".dockerenv", "etc/hostname", "etc/hosts", "etc/resolv.conf", "etc/mtab"}


def _image_paths(paths) -> set[str]:
    return {p for p in paths if p not in RUNTIME and p.split("/")[0] not in ("proc", "sys", "dev")}


def engine_files(running, image: str, under: str = "") -> set[str]:
    """The paths a container of the image sees, as the engine unpacked the layers;
    the mounts Docker adds to every container left out. As root: the image's own
    user may not read every folder."""
    listing = explorer.docker(
        running.env(),
        "run",
        "--rm",
        "--user",
        "0",
        "--entrypoint",
        "find",
        image,
        f"/{under}",
        "-xdev",
        "-mindepth",
        "1",
    ).stdout.splitlines()
    return _image_paths(p.lstrip("/") for p in listing)


def generated_files(document: dict, under: str = "") -> set[str]:
    return _image_paths(
        row[0] for row in document["filesystem"] if not under or row[0].startswith(under + "/")
    )


# New content `docker diff` cannot see (the same size and time); the worked
# example's page says so of /etc/group-.
UNSEEN = {("worked-example-app", 2): {"etc/group-"}}


@pytest.mark.docker
@pytest.mark.parametrize("store", ["containerd", "classic"])
@pytest.mark.parametrize("source", explorer.IMAGES, ids=lambda s: s.name)
def test_changes_agree_with_the_engine(request, store, source, tmp_path):
    running = _stores(request, store)
    check_alive(running)
    try:
        explorer.build(running.env(), source)
        saved = explorer.save(running.env(), source.tag, tmp_path)
        document = report.explore(saved, source.name)
        with tarfile.open(saved) as opened:
            blobs = archive.read(opened).layers
            layers = [entries.read(archive.open_blob(opened, blob)) for blob in blobs]
        every, snapshots, _ = changes.replay(layers)
        for layer in document["layers"]:
            number = layer["number"]
            # The document lists what the replay of the layers found.
            assert generated_diff(layer) == {
                "A": {e.path for e in every[number - 1].added},
                "C": {e.path for e in every[number - 1].changed + every[number - 1].metadata},
                "D": {e.path for e in every[number - 1].deleted},
            }
            if not layer["step"].startswith("RUN "):
                continue
            found = engine_diff(running, source, document, number)
            before = snapshots[number - 2]
            expected = docker_view(every[number - 1], before)
            unseen = {
                e.path
                for e in every[number - 1].changed
                if not _stat_differs(before[e.path].entry, e)
            }
            assert unseen == UNSEEN.get((source.name, number), set())
            problems = agree(expected, found, layer_folders(document, layer))
            assert not problems, (number, problems)
        assert generated_files(document) == engine_files(running, source.tag)
    finally:
        reset(running)


def test_control_agreement_catches_a_missing_deletion():
    layer = {
        "added": [["tmp/new", "file", 1]],
        "changed": [],
        "metadata": [["tmp", "dir", 0]],
        "deleted": [["tmp/old", "file", 1]],
    }
    engine = {"A": {"tmp/new"}, "C": {"tmp"}, "D": {"tmp/old"}}  # as `docker diff` lists them
    assert agree(generated_diff(layer), engine, folders(layer["metadata"])) == []
    wrong = copy.deepcopy(layer)
    wrong["deleted"] = []
    assert agree(generated_diff(wrong), engine, folders(wrong["metadata"])) != []


# The control image: the base image's layers, then LOWER and UPPER, loaded with
# `docker load` from an archive written here (no Dockerfile can place a marker
# after the entries it must not hide).
def control_archive(base: Path, target: Path) -> None:
    with tarfile.open(base) as saved:
        image = archive.read(saved)
        manifest_d = archive.image_manifests(
            saved, set(saved.getnames()), json.load(saved.extractfile("index.json"))
        )[0]
        manifest = json.loads(archive.verified(saved, manifest_d))
        files = {"oci-layout": b'{"imageLayoutVersion":"1.0.0"}'}
        for blob in image.layers:
            files[blob.member] = archive.open_blob(saved, blob).read()
    config = copy.deepcopy(image.config)
    for data, step in ((layer_tar(LOWER), "lower"), (layer_tar(UPPER), "upper")):
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        files[archive.blob_member(digest)] = data
        manifest["layers"].append(
            {
                "mediaType": "application/vnd.oci.image.layer.v1.tar",
                "digest": digest,
                "size": len(data),
            }
        )
        config["rootfs"]["diff_ids"].append(digest)
        config.setdefault("history", []).append({"created_by": f"control {step} layer"})
    config_bytes = json.dumps(config).encode()
    config_digest = "sha256:" + hashlib.sha256(config_bytes).hexdigest()
    files[archive.blob_member(config_digest)] = config_bytes
    manifest["config"] = {
        "mediaType": "application/vnd.oci.image.config.v1+json",
        "digest": config_digest,
        "size": len(config_bytes),
    }
    manifest_bytes = json.dumps(manifest).encode()
    manifest_digest = "sha256:" + hashlib.sha256(manifest_bytes).hexdigest()
    files[archive.blob_member(manifest_digest)] = manifest_bytes
    files["index.json"] = json.dumps(
        {
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.index.v1+json",
            "manifests": [
                {
                    "mediaType": "application/vnd.oci.image.manifest.v1+json",
                    "digest": manifest_digest,
                    "size": len(manifest_bytes),
                    "annotations": {
                        "io.containerd.image.name": "docker.io/library/layer-control:latest",
                        "org.opencontainers.image.ref.name": "latest",
                    },
                }
            ],
        }
    ).encode()
    files["manifest.json"] = json.dumps(
        [
            {
                "Config": archive.blob_member(config_digest),
                "RepoTags": ["layer-control:latest"],
                "Layers": [archive.blob_member(d["digest"]) for d in manifest["layers"]],
            }
        ]
    ).encode()
    with tarfile.open(target, "w") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


@pytest.mark.docker
@pytest.mark.parametrize("store", ["containerd", "classic"])
def test_control_image_the_engine_applies_markers_as_the_explorer_does(request, store, tmp_path):
    running = _stores(request, store)
    check_alive(running)
    env = running.env()
    try:
        base = explorer.save(env, "python:3.13-slim", tmp_path)
        control = tmp_path / "control.tar"
        control_archive(base, control)
        explorer.docker(env, "load", "-i", str(control))
        saved = explorer.save(env, "layer-control:latest", tmp_path)
        document = report.explore(saved, "layer-control")
        seen = engine_files(running, "layer-control:latest", "ctl")
        assert seen == AFTER - {"ctl"}
        assert generated_files(document, "ctl") == seen
        # The control can fail: read in tar order, the markers would hide a/b/c/foo.
        assert {p for p in naive(layer_tar(LOWER), layer_tar(UPPER)) if p != "ctl"} != seen
    finally:
        reset(running)


@pytest.mark.docker
@pytest.mark.parametrize("source", explorer.IMAGES, ids=lambda s: s.name)
def test_committed_files_match_a_fresh_build(engine, source, tmp_path):
    check_alive(engine)
    try:
        fresh = _explore(engine, source)
    finally:
        reset(engine)
    committed = output.read(source.name)
    assert report.stable(committed) == report.stable(fresh), (
        f"docs/explorer/{source.name}.json no longer matches a build: run `make layers`"
    )


def test_control_stale_files_are_caught():
    committed = output.read("images-leaky")
    moved = copy.deepcopy(committed)
    moved["layers"][1]["added"].pop()
    assert report.stable(moved) != report.stable(committed)
    rebuilt = copy.deepcopy(committed)
    rebuilt["layers"][1]["digest"] = "sha256:" + "0" * 64
    assert report.stable(rebuilt) == report.stable(committed)


def test_docker_diff_cannot_see_a_rewrite_of_the_same_size_and_time():
    """Why the agreement compares with docker_view(): the layer holds new content
    that `docker diff`, comparing stat only, does not list."""
    lower = layer_tar([("etc/", None), ("etc/group-", b"aaa")])
    upper = layer_tar([("etc/", None), ("etc/group-", b"bbb")])
    every, snapshots, _ = changes.replay([read(lower), read(upper)])
    assert [e.path for e in every[1].changed] == ["etc/group-"]
    assert docker_view(every[1], snapshots[0])["C"] == set()


def test_the_worked_example_note_on_group_backup_holds():
    """docs/explorer/worked-example-app.md: layer 2 rewrites /etc/group- with new
    content of the same size (the time: see the engine agreement test)."""
    document = output.read("worked-example-app")
    base, useradd = document["layers"][0], document["layers"][1]
    assert ["etc/group-", "file", 434] in useradd["changed"]
    assert ["etc/group-", "file", 434] in base["added"]


# ------------------------------------------------------------------ what it may import
# This Python's, and Python 3.14's `compression` (zstd), which compression.py tries.
STANDARD_LIBRARY = set(sys.stdlib_module_names) | {"__future__", "compression"}


def _outside_the_standard_library(source: str) -> list[str]:
    """Imported modules that are neither the standard library nor docsite.layers
    or docsite.paths: the generator must run inside a bare `mkdocs build`."""
    wrong = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top == "docsite":
                if not name.startswith(("docsite.layers", "docsite.paths")):
                    wrong.append(name)
            elif top not in STANDARD_LIBRARY:
                wrong.append(name)
    return wrong


def test_the_generator_imports_only_the_standard_library():
    found = {
        path.name: wrong
        for path in sorted((ROOT / "docsite" / "layers").glob("*.py"))
        if (wrong := _outside_the_standard_library(path.read_text()))
    }
    assert found == {}


def test_control_an_import_of_the_engine_or_a_package_is_caught():
    source = (
        "import json\nfrom docsite.engine import lab\nimport docker\nfrom docsite.layers import x\n"
    )
    assert _outside_the_standard_library(source) == ["docsite.engine", "docker"]
