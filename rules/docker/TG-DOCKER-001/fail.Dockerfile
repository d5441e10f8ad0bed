FROM python:3.12-slim
COPY app.py /app/app.py
CMD ["python", "/app/app.py"]
