# One image definition for every service: the runnable (exec) jar the Maven build already made.
#   mvn -B -DskipTests package
#   docker build --build-arg SERVICE=goods-spending -t apbd-monitor/goods-spending:0.1.0-SNAPSHOT .
# docker-compose.yml builds each service this way. The build context is the repository root.
FROM eclipse-temurin:17.0.12_7-jre

ARG SERVICE
ARG VERSION=0.1.0-SNAPSHOT

# curl for the healthcheck (GET /actuator/health); a system user, never root
RUN test -n "${SERVICE}" || (echo "build with --build-arg SERVICE=<service name>" >&2; exit 1) \
 && apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system apbd \
 && useradd --system --gid apbd --home-dir /app apbd

WORKDIR /app
COPY services/${SERVICE}/target/${SERVICE}-${VERSION}-exec.jar /app/app.jar

USER apbd
ENV SERVICE_NAME=${SERVICE} \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
# the port is the service's own (8081..8087, simulator 8090); compose publishes it
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
