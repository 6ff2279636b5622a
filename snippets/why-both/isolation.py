import platform

import docker

client = docker.from_env()

def in_container(*command):
    output = client.containers.run("python:3.13-slim", list(command), remove=True)
    return output.decode().strip()

# In its own PID namespace, the container's process is number 1.
print(in_container("python", "-c", "import os; print(os.getpid())"))
#> 1
# No kernel in the image: the container runs on the host's (this script's) kernel.
print(in_container("uname", "-r") == platform.release())
#> True
