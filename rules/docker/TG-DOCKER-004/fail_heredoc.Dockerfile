FROM alpine:3.20
ADD <<EOF /etc/motd
welcome
EOF
