FROM debian:12-slim
RUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \
    && echo "6c1b5b3a8d0e2a1f0d5c9a8b7e6f5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e  /tmp/install.sh" | sha256sum -c - \
    && sh /tmp/install.sh
RUN curl -fsSL https://example.com/archive.tar.gz | tar -xz -C /opt
RUN echo "curl https://example.com && echo hi | sh" > /usr/bin/notes
