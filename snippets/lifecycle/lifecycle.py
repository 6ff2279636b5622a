import docker

client = docker.from_env()
container = client.containers.create(
    "python:3.13-slim",
    ["sleep", "infinity"],
    name="lifecycle-demo",
    init=True,  # a tiny init as PID 1 passes SIGTERM on, so stop is quick
)

def state():
    container.reload()  # the SDK caches attributes: ask the engine again
    return container.status

print(f"after create:  {state()}")
#> after create:  created
container.start()
print(f"after start:   {state()}")
#> after start:   running
container.exec_run(["sh", "-c", 'echo "written while running" > /srv/notes.txt'])
container.pause()
print(f"after pause:   {state()}")
#> after pause:   paused
container.unpause()
print(f"after unpause: {state()}")
#> after unpause: running
container.stop()
print(f"after stop:    {state()} exit code {container.attrs['State']['ExitCode']}")
#> after stop:    exited exit code 143

# `docker ps` lists running containers only; `docker ps -a` lists them all.
only = {"name": "lifecycle-demo"}
print(f"ps:    {[c.name for c in client.containers.list(filters=only)]}")
#> ps:    []
print(f"ps -a: {[c.name for c in client.containers.list(all=True, filters=only)]}")
#> ps -a: ['lifecycle-demo']

container.start()
print(f"after start:   {state()}")
#> after start:   running
print(container.exec_run(["cat", "/srv/notes.txt"]).output.decode().strip())
#> written while running

container.remove(force=True)
try:
    state()
except docker.errors.NotFound:
    print("after remove:  gone")
    #> after remove:  gone

# A new container from the same image starts from the image's files only.
try:
    client.containers.run(
        "python:3.13-slim",
        ["cat", "/srv/notes.txt"],
        name="lifecycle-demo",
        remove=True,
    )
except docker.errors.ContainerError as error:  # cat exited with status 1
    print(error.stderr.decode().strip())
    #> cat: /srv/notes.txt: No such file or directory
