FROM node:20-slim
ARG NPM_TOKEN=npm_4f9b2c7d1e8a3f6b0c5d9e2a7f1b4c8d3e6a
RUN npm ci
