import os
from pathlib import Path

import docker

client = docker.from_env()
mirror = (
    {"PIP_INDEX_URL": os.environ["PIP_INDEX_URL"]}
    if "PIP_INDEX_URL" in os.environ
    else {}
)

def build(tag):
    return client.images.build(
        path="app",
        tag=tag,
        rm=True,  # remove each step's container, as the CLI does
        network_mode="host",
        buildargs=mirror,
        labels={"docs-example": ""},
    )

v1, _ = build("worked-example-app:v1")
app = Path("app/app.py")
app.write_text(
    app.read_text().replace("Hello from a container", "Hello from a rebuilt container")
)
v2, logs = build("worked-example-app:v2")

# The build's log: after "Step n/m : ..." comes " ---> Using cache" for a reused step.
steps = []
for line in logs:
    text = line.get("stream", "").strip()
    if text.startswith("Step "):
        steps.append([text.split(" : ", 1)[1], "rebuilt"])
    elif text == "---> Using cache":
        steps[-1][1] = "cached"
for instruction, how in steps[1:]:  # steps[0] is FROM, which only reads the base image
    print(f"{how:8} {instruction[:50]}")
    #> cached   LABEL org.opencontainers.image.title="hello-app"
    #> cached   ENV PYTHONUNBUFFERED=1     PYTHONDONTWRITEBYTECODE
    #> cached   RUN useradd --uid 10001 --no-create-home --shell /
    #> cached   WORKDIR /app
    #> cached   COPY requirements.txt .
    #> cached   ARG PIP_INDEX_URL
    #> cached   RUN pip install --no-cache-dir --root-user-action=
    #> rebuilt  COPY app.py .
    #> rebuilt  USER app
    #> rebuilt  EXPOSE 8000
    #> rebuilt  CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--work
    #> rebuilt  LABEL docs-example=

old, new = v1.attrs["RootFS"]["Layers"], v2.attrs["RootFS"]["Layers"]
print(sum(a == b for a, b in zip(old, new)), "of", len(new), "layers shared with v1")
#> 5 of 6 layers shared with v1

client.images.remove("worked-example-app:v1")
client.images.remove("worked-example-app:v2")
