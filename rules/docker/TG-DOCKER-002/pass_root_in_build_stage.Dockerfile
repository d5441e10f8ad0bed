FROM node:20 AS build
USER root
RUN npm ci && npm run build

FROM node:20-slim
COPY --from=build /app/dist /app
USER node
CMD ["node", "/app/server.js"]
