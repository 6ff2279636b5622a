import os

import docker

client = docker.from_env()
script = (
    'import os; print("my PID:", os.getpid()); '
    'print("my hostname:", os.uname().nodename)'
)
output = client.containers.run(
    "python:3.13-slim",
    ["python", "-c", script],
    labels={"docs-example": ""},
    remove=True,
)
print(output.decode())
'''
my PID: 1
my hostname: 111111111111
'''

kernel = client.containers.run(
    "python:3.13-slim", ["uname", "-r"], labels={"docs-example": ""}, remove=True
)
# On Docker Desktop the "host" is Docker's Linux VM, not your laptop's OS.
same = kernel.decode().strip() == os.uname().release
print("same kernel as the host" if same else "a different kernel: Docker runs in a VM")
#> same kernel as the host
