import io
import tarfile

import docker

client = docker.from_env()

def tar_of(name: str, data: bytes) -> bytes:
    """docker cp's format: the SDK sends and receives files as a tar archive."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()

def file_from(container, path: str) -> str:
    stream, _ = container.get_archive(path)
    with tarfile.open(fileobj=io.BytesIO(b"".join(stream))) as tar:
        member = tar.getmembers()[0]
        return tar.extractfile(member).read().decode().strip()

# Into a running container, and back out.
box = client.containers.run(
    "python:3.13-slim", ["sleep", "infinity"], init=True, name="box", detach=True
)
box.put_archive("/srv", tar_of("settings.txt", b"written on the host\n"))
print(box.exec_run(["cat", "/srv/settings.txt"]).output.decode().strip())
#> written on the host
box.exec_run(["sh", "-c", 'echo "written in the container" > /srv/report.txt'])
print(file_from(box, "/srv/report.txt"))
#> written in the container

# Out of a container that has exited: its writable layer is still on disk.
crashed = client.containers.run(
    "python:3.13-slim",
    ["sh", "-c", 'echo "results of a long job" > /srv/results.txt; exit 1'],
    name="crashed",
    detach=True,
)
print(crashed.wait()["StatusCode"], client.containers.get("crashed").status)
#> 1 exited
print(file_from(crashed, "/srv/results.txt"))
#> results of a long job
