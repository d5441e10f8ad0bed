FROM alpine:3.20
RUN <<EOT
set -e
wget -qO- https://example.com/setup | sudo sh
EOT
