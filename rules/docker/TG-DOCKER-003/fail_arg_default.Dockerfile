ARG BASE=node
FROM ${BASE} AS build
RUN npm ci
