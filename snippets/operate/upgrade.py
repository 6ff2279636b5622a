import docker
from python_on_whales import docker as cli

client = docker.from_env()
note = ["sh", "-c", 'echo "written by version $APP_VERSION" >> /data/notes.txt']
settings = {"volumes": {"notes-data": {"bind": "/data", "mode": "rw"}}, "init": True}

cli.build("upgrade", tags=["notes:1"], build_args={"VERSION": "1"})
notes = client.containers.run("notes:1", name="notes", detach=True, **settings)
notes.exec_run(note)

# The new version (in real life: docker pull, or your CI's build).
cli.build("upgrade", tags=["notes:2"], build_args={"VERSION": "2"})

# Upgrade: stop and remove the old container, run the new image, same volume.
notes.stop()
notes.remove()
notes = client.containers.run("notes:2", name="notes", detach=True, **settings)
notes.exec_run(note)

exit_code, output = notes.exec_run(["cat", "/data/notes.txt"])
print(output.decode().splitlines())
#> ['written by version 1', 'written by version 2']
print(notes.image.tags)
#> ['notes:2']
