import docker

client = docker.from_env()
container = client.containers.run(
    "python:3.13-slim", ["sleep", "infinity"], name="containers-rw", detach=True
)
container.exec_run(["sh", "-c", 'echo "my notes" > /srv/notes.txt'])  # add
container.exec_run(["sh", "-c", 'echo "changed here" >> /etc/motd'])  # change
container.exec_run(["chmod", "600", "/etc/issue"])  # change only the mode
container.exec_run(["rm", "/etc/issue.net"])  # delete

# Kind: 0 = changed (C), 1 = added (A), 2 = deleted (D)
for change in sorted(container.diff(), key=lambda c: c["Path"]):
    print("CAD"[change["Kind"]], change["Path"])
    #> C /etc
    #> C /etc/issue
    #> D /etc/issue.net
    #> C /etc/motd
    #> C /srv
    #> A /srv/notes.txt

look = 'tail -n 1 /etc/motd; stat -c "%A %n" /etc/issue; ls /etc/issue.net 2>&1'
for line in container.exec_run(["sh", "-c", look]).output.decode().splitlines():
    print(line)
    #> changed here
    #> -rw------- /etc/issue
    #> ls: cannot access '/etc/issue.net': No such file or directory

# A second container from the same image sees the image's files, untouched.
fresh = client.containers.run("python:3.13-slim", ["sh", "-c", look], remove=True)
for line in fresh.decode().splitlines():
    print(line)
    #> permitted by applicable law.
    #> -rw-r--r-- /etc/issue
    #> /etc/issue.net

container.remove(force=True)
