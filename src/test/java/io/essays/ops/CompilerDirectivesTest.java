package io.essays.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The JVM's compiler directives of the production command line (src/main/jvm/compiler-directives.json; README
 * "Performance at scale"): the JVM accepts them, every pattern names code that exists, and none reaches the request
 * path, which must keep C2.
 */
class CompilerDirectivesTest {
    private static final Path FILE = Path.of("src/main/jvm/compiler-directives.json");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    /** Classes that serve requests: no directive may keep C2 from them. */
    private static final List<String> REQUEST_PATH = List.of(
            "io/essays/http/DirectBodies", "io/essays/essay/EssayResource", "io/essays/corpus/CorpusSnapshot",
            "io/essays/search/SearchService", "io/vertx/core/http/impl/Http1xServerConnection",
            "io/netty/buffer/PooledByteBufAllocator", "io/netty/channel/nio/NioEventLoop",
            "com/fasterxml/jackson/databind/ObjectMapper", "com/fasterxml/jackson/core/json/UTF8JsonGenerator",
            "org/apache/lucene/search/IndexSearcher", "org/apache/lucene/codecs/lucene912/Lucene912PostingsReader",
            "org/jboss/resteasy/reactive/server/handlers/ResponseHandler", "java/lang/String", "java/util/HashMap");

    @Test
    void theJvmAcceptsTheDirectives() throws IOException, InterruptedException {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + FILE.toAbsolutePath(), "-version")
                .redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), output);
        assertTrue(output.contains("1 compiler directives added"), output);
    }

    @Test
    void everyPatternNamesAPackageOnTheClassPath() throws IOException {
        List<String> classes = classPathEntries();
        for (String pattern : patterns()) {
            assertTrue(pattern.endsWith("/*.*"), pattern + ": a whole package, every class and method");
            String pkg = packageOf(pattern);
            assertTrue(classes.stream().anyMatch(c -> c.startsWith(pkg) && c.endsWith(".class")),
                    pattern + ": no class of that package on the class path");
        }
    }

    /** Every file name on the test class path (Surefire's, since its own class path is a manifest-only jar). */
    private static List<String> classPathEntries() throws IOException {
        var names = new java.util.ArrayList<String>();
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path file = Path.of(entry);
            if (Files.isDirectory(file)) {
                try (var walk = Files.walk(file)) {
                    walk.filter(Files::isRegularFile)
                            .forEach(f -> names.add(file.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
                }
            } else if (entry.endsWith(".jar") && Files.isRegularFile(file)) {
                try (var jar = new java.util.zip.ZipFile(file.toFile())) {
                    jar.stream().forEach(e -> names.add(e.getName()));
                }
            }
        }
        return names;
    }

    @Test
    void noPatternReachesTheRequestPath() throws IOException {
        List<String> patterns = patterns();
        assertFalse(patterns.isEmpty());
        for (String cls : REQUEST_PATH) {
            assertNotNull(getClass().getClassLoader().getResource(cls + ".class"), cls + " is not a class any more");
            for (String pattern : patterns) {
                assertFalse(cls.startsWith(packageOf(pattern)), pattern + " would keep C2 from " + cls);
            }
        }
    }

    /** {@code org/h2/*.*} → {@code org/h2/}. */
    private static String packageOf(String pattern) {
        return pattern.substring(0, pattern.length() - "*.*".length());
    }

    private static List<String> patterns() throws IOException {
        String json = Files.readString(FILE);
        String match = json.substring(json.indexOf("match:"), json.indexOf(']', json.indexOf("match:")));
        return QUOTED.matcher(match).results().map(m -> m.group(1)).toList();
    }
}
