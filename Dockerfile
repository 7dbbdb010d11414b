# Build: the Maven wrapper inside a JDK 17 image.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp dependency:go-offline -q || true
COPY src src
COPY content content
COPY openapi openapi
# db-kind is fixed at build time: the image is built for PostgreSQL. The AppCDS archive is made below, with the JVM
# that runs it (an archive only loads into the exact JVM build that wrote it).
RUN ./mvnw -B -ntp package -DskipTests -DskipPostgresBuild=true -Dappcds.training.skip -Dquarkus.datasource.db-kind=postgresql \
    -Dquarkus.package.jar.appcds.enabled=false

# Run: slim Java 17 runtime, non-root user, PostgreSQL configured through the environment.
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S essays && adduser -S -G essays essays
WORKDIR /app
COPY --from=build --chown=essays:essays /src/target/quarkus-app/ /app/
COPY --from=build --chown=essays:essays /src/content/ /app/content/
# AppCDS: start the application as far as it gets with no database (it stops there) and archive every class it loaded
# by then, which the JVM writes as it exits whatever its exit code; start-up then maps them instead of loading and
# verifying them (README "Performance at scale").
RUN java -XX:ArchiveClassesAtExit=/app/app-cds.jsa -Dquarkus.appcds.generate=true -jar /app/quarkus-run.jar \
    > /tmp/appcds.log 2>&1; \
    if [ -s /app/app-cds.jsa ]; then chown essays:essays /app/app-cds.jsa; \
    else echo "no AppCDS archive: the service starts without one"; tail -20 /tmp/appcds.log; fi; rm -f /tmp/appcds.log
USER essays
# Memory and GC for a small container (measured with bench/scale-bench.sh; README "Performance at scale"): the serial
# collector (no GC threads or regions to pay for on 1-2 cores, pauses of a few ms on this heap), the heap sized from
# the container's memory limit but started small and given back after a collection, a young generation of at most
# 128 MB (request garbage dies young; a larger one only held memory: 10,000 essays in 1 GB), two malloc arenas.
# A smaller C2 inlining budget (InlineSmallCode=1000, C2's own default without tiered compilation; MaxInlineLevel=9,
# the default before JDK 14): a 10,000-essay first launch spends 3.3 s less CPU compiling and is ready 1-2 s sooner,
# at the same req/s for essays, 304s and searches.
ENV ESSAYS_CONTENT_DIR=/app/content \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -Xms32m -XX:MaxNewSize=128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:InlineSmallCode=1000 -XX:MaxInlineLevel=9"
# The JVM's compiler directives (compiler-directives.json, copied with the application): C1 alone compiles what only
# starts the service or imports a corpus, so C2's time on two cores goes to the request path (README "Performance at
# scale"). They stay outside JAVA_OPTS, like the AppCDS archive, so that overriding JAVA_OPTS keeps them.
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD wget -qO- http://localhost:8080/q/health/ready || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS $([ -f /app/app-cds.jsa ] && echo -XX:SharedArchiveFile=/app/app-cds.jsa) $([ -f /app/compiler-directives.json ] && echo -XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=/app/compiler-directives.json) -jar /app/quarkus-run.jar"]
