import docker

client = docker.from_env()
container = client.containers.run(
    "python:3.13-slim",
    ["sleep", "infinity"],
    name="containers-overlay",
    labels={"docs-example": ""},
    detach=True,
)
changes = 'echo "changed here" >> /etc/motd; chmod 600 /etc/issue; rm /etc/issue.net'
container.exec_run(["sh", "-c", changes])

driver = container.attrs["GraphDriver"]
# The containerd image store (Docker Desktop, Engine 29+) reports no paths here.
assert driver["Name"] == "overlay2", "this example needs the overlay2 storage driver"
print("\n".join(f"{key}: {path}" for key, path in sorted(driver["Data"].items())))
'''
LowerDir: /var/lib/docker/overlay2/1111111111111111111111111111111111111111111111111111111111111111-init/diff:/var/lib/docker/overlay2/2222222222222222222222222222222222222222222222222222222222222222/diff
MergedDir: /var/lib/docker/overlay2/1111111111111111111111111111111111111111111111111111111111111111/merged
UpperDir: /var/lib/docker/overlay2/1111111111111111111111111111111111111111111111111111111111111111/diff
WorkDir: /var/lib/docker/overlay2/1111111111111111111111111111111111111111111111111111111111111111/work
'''

# Mount the writable layer (the upper directory) read-only into another container.
find = ["find", "/upper", "-mindepth", "1", "-not", "-type", "d"]
listing = client.containers.run(
    "python:3.13-slim",
    [*find, "-printf", "%M %5s bytes  %P\n"],
    volumes={driver["Data"]["UpperDir"]: {"bind": "/upper", "mode": "ro"}},
    labels={"docs-example": ""},
    remove=True,
)
# One line per file: mode, size, path; sorted by path (find's order is the disk's).
lines = listing.decode().splitlines()
print("\n".join(sorted(lines, key=lambda line: line.split()[-1])))
'''
-rw-------    27 bytes  etc/issue
c---------     0 bytes  etc/issue.net
-rw-r--r--   299 bytes  etc/motd
'''

container.remove(force=True)
