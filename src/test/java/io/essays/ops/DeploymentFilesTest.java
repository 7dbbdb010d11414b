package io.essays.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files under {@code docs/deploy/} parse, and every environment variable they give the service is one
 * the service reads ({@code ${VAR:…}} in {@code application.properties}), so a misspelt variable cannot be silently
 * ignored in production.
 */
@SuppressWarnings("unchecked")
class DeploymentFilesTest {
    static final Path DEPLOY = Path.of("docs/deploy");

    static Set<String> variablesTheServiceReads() throws IOException {
        var names = new TreeSet<String>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]")
                .matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyYamlFileParses() throws IOException {
        List<Path> files = yamlFiles();
        assertThat(files).extracting(p -> DEPLOY.relativize(p).toString().replace('\\', '/'))
                .contains("compose.yaml", "k8s/deployment.yaml", "k8s/service.yaml", "k8s/configmap.yaml",
                        "k8s/secret.yaml", "k8s/pdb.yaml");
        for (Path file : files) {
            assertThat(documents(file)).as(file.toString()).isNotEmpty().doesNotContainNull();
        }
    }

    @Test
    void everyVariableTheComposeReplicasSetIsOneTheServiceReads() throws IOException {
        Map<String, Object> compose = (Map<String, Object>) documents(DEPLOY.resolve("compose.yaml")).get(0);
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        var replicas = services.entrySet().stream().filter(e -> "essays-api:latest".equals(e.getValue().get("image")))
                .toList();
        assertThat(replicas).extracting(Map.Entry::getKey).containsExactly("api-1", "api-2");
        for (var replica : replicas) {
            Set<String> set = ((Map<String, Object>) replica.getValue().get("environment")).keySet();
            assertThat(variablesTheServiceReads()).as(replica.getKey()).containsAll(set);
            assertThat(set).contains("ESSAYS_DB_URL", "ESSAYS_DB_USER", "ESSAYS_DB_PASSWORD", "ESSAYS_ADMIN_TOKEN", "ESSAYS_SYNC_SECRET")
                    .as("db-kind is fixed at build time; setting it at run time does nothing")
                    .doesNotContain("ESSAYS_DB_KIND");
        }
        assertThat(Files.readString(DEPLOY.resolve("nginx.conf"))).contains("server api-1:8080", "server api-2:8080",
                "proxy_cache_revalidate on");
    }

    @Test
    void everyVariableTheKubernetesManifestsSetIsOneTheServiceReads() throws IOException {
        var set = new TreeSet<String>();
        Map<String, Object> deployment = null;
        for (Path file : yamlFiles()) {
            if (!file.startsWith(DEPLOY.resolve("k8s"))) {
                continue;
            }
            for (Object doc : documents(file)) {
                Map<String, Object> manifest = (Map<String, Object>) doc;
                switch ((String) manifest.get("kind")) {
                    case "ConfigMap" -> set.addAll(((Map<String, Object>) manifest.get("data")).keySet());
                    case "Secret" -> set.addAll(((Map<String, Object>) manifest.get("stringData")).keySet());
                    case "Deployment" -> deployment = manifest;
                    default -> { }
                }
            }
        }
        assertThat(deployment).isNotNull();
        Map<String, Object> container = container(deployment);
        for (Map<String, Object> env : (List<Map<String, Object>>) container.get("env")) {
            set.add((String) env.get("name"));
        }
        assertThat(variablesTheServiceReads()).containsAll(set);
        assertThat(set).contains("ESSAYS_DB_URL", "ESSAYS_DB_USER", "ESSAYS_DB_PASSWORD", "ESSAYS_ADMIN_TOKEN", "ESSAYS_SYNC_SECRET")
                .doesNotContain("ESSAYS_DB_KIND");
        assertThat(((Map<String, Map<String, Object>>) container.get("readinessProbe")).get("httpGet").get("path"))
                .isEqualTo("/q/health/ready");
        assertThat(((Map<String, Map<String, Object>>) container.get("livenessProbe")).get("httpGet").get("path"))
                .isEqualTo("/q/health/live");
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment
                .get("spec")).get("template")).get("spec");
        return ((List<Map<String, Object>>) spec.get("containers")).get(0);
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<Object> documents(Path file) throws IOException {
        var docs = new ArrayList<Object>();
        new Yaml().loadAll(Files.readString(file)).forEach(docs::add);
        return docs;
    }
}
