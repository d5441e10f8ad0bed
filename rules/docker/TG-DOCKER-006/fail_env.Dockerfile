FROM python:3.12-slim
ENV APP_ENV=production \
    DATABASE_PASSWORD="s3cr3t-Pa55word"
