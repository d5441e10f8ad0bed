# syntax=docker/dockerfile:1
ARG BASE=node:20.11-alpine
FROM --platform=$BUILDPLATFORM ${BASE} AS build
RUN npm ci

FROM gcr.io/distroless/nodejs20-debian12@sha256:0a0f4a1e7d2d5ce28d5c1d7b9f9fb66f21ba4fbd1b88b2a3f3d84a6d2d2d2d2d
COPY --from=build /app /app

FROM build AS test
RUN npm test

FROM scratch AS export
COPY --from=build /app/dist /
