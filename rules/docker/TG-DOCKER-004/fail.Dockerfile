FROM alpine:3.20
ADD --chown=app:app config.yml /etc/app/config.yml
