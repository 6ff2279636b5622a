from pathlib import Path

import docker
from python_on_whales import docker as cli

client = docker.from_env()
cli.build("app", tags=["worked-example-app:v1"])
app = Path("app/app.py")
app.write_text(app.read_text().replace("Hello from a container", "Hello from a rebuilt container"))
# The build's log, as `docker build` prints it: "#8 [4/6] COPY ..." names a
# step, and "#8 CACHED" follows when the build cache answered it.
build = cli.build("app", tags=["worked-example-app:v2"], progress="plain", stream_logs=True)
log = [line.strip() for line in build]
for position in range(2, 7):  # step 1 is FROM, which only reads the base image
    number, step = next(line.split(" ", 1) for line in log if f"[{position}/6]" in line)
    print("cached " if f"{number} CACHED" in log else "rebuilt", step[:50])
    #> cached  [2/6] RUN useradd --uid 10001 --no-create-home --s
    #> cached  [3/6] WORKDIR /app
    #> cached  [4/6] COPY requirements.txt .
    #> cached  [5/6] RUN pip install --no-cache-dir --root-user-a
    #> rebuilt [6/6] COPY app.py .

old = client.images.get("worked-example-app:v1").attrs["RootFS"]["Layers"]
new = client.images.get("worked-example-app:v2").attrs["RootFS"]["Layers"]
shared = sum(a == b for a, b in zip(old, new, strict=True))
print(shared, "of", len(new), "layers shared with v1")
#> 5 of 6 layers shared with v1
