import docker
from python_on_whales import docker as cli

client = docker.from_env()
cli.build(
    "secret-arg",
    tags=["why-both-secret:v1"],
    build_args={"API_TOKEN": "not-a-real-token-123"},
)
# Anyone who can pull the image can read its history.
for entry in client.images.get("why-both-secret:v1").history():
    if "not-a-real-token-123" in entry["CreatedBy"]:
        print(entry["CreatedBy"][:60])
        #> RUN |1 API_TOKEN=not-a-real-token-123 /bin/sh -c python -c "
        #> ARG API_TOKEN=not-a-real-token-123
