import os

import docker

client = docker.from_env()
container = client.containers.run(
    "python:3.13-slim", ["sleep", "infinity"], name="containers-overlay", detach=True
)
changes = 'echo "changed here" >> /etc/motd; chmod 600 /etc/issue; rm /etc/issue.net'
container.exec_run(["sh", "-c", changes])

# The containerd image store names its snapshotter here, and no directories.
print(container.attrs["GraphDriver"])
#> {'Data': None, 'Name': 'overlayfs'}

# Its root file system is an overlay mount on the host, under Docker's data root.
root = client.info()["DockerRootDir"]
with open("/proc/self/mounts") as mounts:
    rootfs = next(line.split() for line in mounts if line.split()[1].endswith(container.id))
options = dict(option.split("=", 1) for option in rootfs[3].split(",") if "=" in option)
print(f"an {rootfs[2]} mount; its directories, under {root}:")
#> an overlay mount; its directories, under /var/lib/docs-examples/containerd:
for key in ("lowerdir", "upperdir", "workdir"):
    for path in options[key].split(":"):
        print(f"  {key}: {os.path.relpath(path, root)}")
        #>   lowerdir: containerd/daemon/io.containerd.snapshotter.v1.overlayfs/snapshots/18/fs
        #>   lowerdir: containerd/daemon/io.containerd.snapshotter.v1.overlayfs/snapshots/1/fs
        #>   upperdir: containerd/daemon/io.containerd.snapshotter.v1.overlayfs/snapshots/19/fs
        #>   workdir: containerd/daemon/io.containerd.snapshotter.v1.overlayfs/snapshots/19/work

# Mount the writable layer (the upper directory) read-only into another container.
find = ["find", "/upper", "-mindepth", "1", "-not", "-type", "d"]
listing = client.containers.run(
    "python:3.13-slim",
    [*find, "-printf", "%M %5s bytes  %P\n"],
    volumes={options["upperdir"]: {"bind": "/upper", "mode": "ro"}},
    remove=True,
)
# One line per file: mode, size, path; sorted by path (find's order is the disk's).
for line in sorted(listing.decode().splitlines(), key=lambda line: line.split()[-1]):
    print(line)
    #> -rw-------    27 bytes  etc/issue
    #> c---------     0 bytes  etc/issue.net
    #> -rw-r--r--   299 bytes  etc/motd

container.remove(force=True)
