FROM registry.example.com:5000/team/base
RUN true
