FROM ubuntu:24.04
USER root
RUN apt-get update && apt-get install -y --no-install-recommends nginx
USER www-data
CMD ["nginx", "-g", "daemon off;"]
