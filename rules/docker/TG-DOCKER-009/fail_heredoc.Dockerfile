FROM alpine:3.19
RUN <<EOS
set -e
sudo apk add --no-cache curl
EOS
USER 10001
HEALTHCHECK CMD true
