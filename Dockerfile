# Build: docker build -t tollgate .   Run: see README.md ("Run it as a GitHub App").
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
RUN mvn -q dependency:go-offline
COPY src src
COPY rules rules
RUN mvn -q -DskipTests package

FROM eclipse-temurin:17.0.13_11-jre
RUN groupadd --system --gid 10001 tollgate \
 && useradd --system --uid 10001 --gid tollgate --home-dir /app --shell /usr/sbin/nologin tollgate \
 && mkdir -p /app/data && chown -R tollgate:tollgate /app
WORKDIR /app
COPY --from=build --chown=root:root /src/target/tollgate.jar /app/tollgate.jar
USER 10001:10001
ENV PORT=8080
EXPOSE 8080
VOLUME ["/app/data"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tollgate.jar"]
CMD ["serve"]
