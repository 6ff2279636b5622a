from pathlib import Path

import docker
from python_on_whales import docker as cli

client = docker.from_env()
cli.build("app", tags=["worked-example-app:v1"])
app = Path("app/app.py")
app.write_text(app.read_text().replace("Hello from a container", "Hello from a rebuilt container"))
# The build's log, as `docker build` prints it: "#8 [3/6] RUN ..." then
# "#8 CACHED" for a step the cache answered.
log = list(cli.build("app", tags=["worked-example-app:v2"], progress="plain", stream_logs=True))
steps, cached = {}, set()
for line in log:
    number, _, text = line.strip().partition(" ")
    if text.startswith("[") and "/" in text.split("]")[0]:  # "[3/6] RUN ..."
        position = int(text[1:].split("/")[0])
        steps[number] = (position, text.split("] ", 1)[1])
    elif text == "CACHED":
        cached.add(number)
# In build order (BuildKit prints steps that run in parallel in any order).
for number, (position, instruction) in sorted(steps.items(), key=lambda s: s[1]):
    if position > 1:  # step 1 is FROM, which only reads the base image
        print(f"{'cached' if number in cached else 'rebuilt':8} {instruction[:50]}")
        #> cached   RUN useradd --uid 10001 --no-create-home --shell /
        #> cached   WORKDIR /app
        #> cached   COPY requirements.txt .
        #> cached   RUN pip install --no-cache-dir --root-user-action=
        #> rebuilt  COPY app.py .

old = client.images.get("worked-example-app:v1").attrs["RootFS"]["Layers"]
new = client.images.get("worked-example-app:v2").attrs["RootFS"]["Layers"]
shared = sum(a == b for a, b in zip(old, new, strict=True))
print(shared, "of", len(new), "layers shared with v1")
#> 5 of 6 layers shared with v1
