# Build: the Maven wrapper inside a JDK 17 image.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp dependency:go-offline -q || true
COPY src src
COPY content content
COPY openapi openapi
# db-kind is fixed at build time: the image is built for PostgreSQL
RUN ./mvnw -B -ntp package -DskipTests -DskipPostgresBuild=true -Dquarkus.datasource.db-kind=postgresql

# Run: slim Java 17 runtime, non-root user, PostgreSQL configured through the environment.
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S essays && adduser -S -G essays essays
WORKDIR /app
COPY --from=build --chown=essays:essays /src/target/quarkus-app/ /app/
COPY --from=build --chown=essays:essays /src/content/ /app/content/
USER essays
ENV ESSAYS_CONTENT_DIR=/app/content \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD wget -qO- http://localhost:8080/q/health/ready || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
