FROM golang:1.22 AS build
USER builder
RUN go build -o /out/app ./cmd/app

FROM debian:12-slim
COPY --from=build /out/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
