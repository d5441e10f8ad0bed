FROM node:20-slim
ARG NPM_TOKEN
ENV NPM_TOKEN=${NPM_TOKEN}
ENV DB_PASSWORD_FILE=/run/secrets/db_password
ENV API_TOKEN_URL=https://auth.example.com/token
ENV SECRET_KEY=changeme
ENV PASSWORD_MIN_LENGTH=12
ENV LOG_LEVEL=info
RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci
