package io.essays.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A writable copy of the fixture corpus (so tests can change it between imports) and a webhook receiver on loopback,
 * shared with the test through static fields.
 */
public class OpsResource implements QuarkusTestResourceLifecycleManager {
    static Path corpus;
    static WebhookReceiver receiver;
    static final String SECRET = "whsec-test-0123456789";

    @Override
    public Map<String, String> start() {
        try {
            corpus = Files.createTempDirectory("essays-ops-corpus");
            copy(Path.of("src/test/resources/fixture"), corpus);
            receiver = new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "essays.content-dir", corpus.toString(),
                "essays.webhooks.targets", receiver.url(),
                "essays.webhooks.secret", SECRET,
                "essays.webhooks.timeout", "500ms",
                "essays.webhooks.backoff", "100ms",
                "essays.webhooks.max-attempts", "4");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.stop();
        }
    }
}
