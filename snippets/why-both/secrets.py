import docker

client = docker.from_env()
image, _ = client.images.build(
    path="secret-arg",
    tag="why-both-secret:v1",
    rm=True,
    buildargs={"API_TOKEN": "not-a-real-token-123"},
    labels={"docs-example": ""},
)
# Anyone who can pull the image can read its history.
for entry in image.history():
    if "not-a-real-token-123" in entry["CreatedBy"]:
        print(entry["CreatedBy"].split(" /bin/sh")[0])
        #> |1 API_TOKEN=not-a-real-token-123

client.images.remove("why-both-secret:v1")
