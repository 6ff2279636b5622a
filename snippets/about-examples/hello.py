import docker

client = docker.from_env()
output = client.containers.run("python:3.13-slim", ["python", "--version"], remove=True)
print(output.decode().strip())
#> Python 3.13.5
