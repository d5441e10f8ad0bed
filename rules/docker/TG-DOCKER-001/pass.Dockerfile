FROM python:3.12-slim
RUN useradd --uid 10001 app
COPY app.py /app/app.py
USER 10001
CMD ["python", "/app/app.py"]
