FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends jq sudo \
    && echo "no sudo use here" > /etc/motd
USER app
