FROM alpine:3.20
COPY config.yml /etc/app/config.yml
ADD rootfs.tar.gz /
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.3.tgz /opt/
ADD https://github.com/example/repo.git#v1.0.0 /src
