FROM golang:1.22 AS build
EXPOSE 22
RUN go build -o /app .

FROM debian:12-slim
COPY --from=build /app /app
EXPOSE 8080 22/udp 2222
