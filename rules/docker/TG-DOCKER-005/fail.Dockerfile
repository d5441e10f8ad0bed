FROM debian:12-slim
RUN apt-get update && apt-get install -y curl \
    && curl -fsSL https://get.example.com/install.sh | bash -s -- --yes
