import os

import docker

client = docker.from_env()
script = 'import os; print("my PID:", os.getpid()); print("my hostname:", os.uname().nodename)'
output = client.containers.run("python:3.13-slim", ["python", "-c", script], remove=True)
for line in output.decode().splitlines():
    print(line)
    #> my PID: 1
    #> my hostname: eefd1b11716b

kernel = client.containers.run("python:3.13-slim", ["uname", "-r"], remove=True)
# On Docker Desktop the "host" is Docker's Linux VM, not your laptop's OS.
same = kernel.decode().strip() == os.uname().release
print("same kernel as the host" if same else "a different kernel: Docker runs in a VM")
#> same kernel as the host
