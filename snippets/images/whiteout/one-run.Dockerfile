# The fix: create, use and delete in the same RUN, so the files never reach a layer.
FROM python:3.13-slim
RUN echo "token=NOT-A-REAL-SECRET" > /tmp/token.txt \
 && head -c 5000000 /dev/zero > /tmp/download.bin \
 && wc -c /tmp/download.bin \
 && rm /tmp/token.txt /tmp/download.bin
