package io.essays;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dependencies between the top-level packages of {@code io.essays} point one way: the graph read from the sources
 * (imports and fully qualified names, comments ignored) has no cycle, and only the importer and the webhook outbox
 * touch the system of record ({@code store}); features read the {@code corpus} snapshot. {@code bench/package-graph.py}
 * prints the same graph.
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/essays");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.essays\\.([a-z]+)\\.[A-Za-z*]");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Set<String> FEATURES = Set.of("asset", "corpus", "embed", "essay", "feed", "links", "search",
            "series", "sync");

    @Test
    void packagesFormNoCycle() {
        Map<String, Set<String>> graph = graph();
        assertThat(graph).containsKeys("corpus", "essay", "http", "store");
        assertThat(cycles(graph)).as("package cycles in %s", graph).isEmpty();
    }

    @Test
    void featurePackagesNeverImportTheStore() {
        Map<String, Set<String>> graph = graph();
        FEATURES.forEach(feature -> assertThat(graph.getOrDefault(feature, Set.of()))
                .as("%s reads the snapshot, not the store", feature).doesNotContain("store"));
    }

    @Test
    void onlyResourcesAndHttpSpeakProblemJson() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> speaking = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(SOURCES.resolve("http")) && !f.toString().endsWith("Resource.java"))
                    // bearer authentication of the admin endpoints is HTTP itself (a 401 with WWW-Authenticate)
                    .filter(f -> !f.endsWith(Path.of("importer", "AdminToken.java")))
                    .filter(f -> COMMENTS.matcher(read(f)).replaceAll(" ").contains("ProblemException"))
                    .toList();
            assertThat(speaking).as("services and parsers throw DomainException, not HTTP problems").isEmpty();
        }
    }

    @Test
    void cyclesAreFoundWhereTheyExist() {
        var graph = Map.<String, Set<String>>of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c"));
    }

    /** Package → packages it references, from every source file under {@link #SOURCES}. */
    static Map<String, Set<String>> graph() {
        var graph = new TreeMap<String, Set<String>>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                Path relative = SOURCES.relativize(file);
                String from = relative.getNameCount() == 1 ? "(root)" : relative.getName(0).toString();
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                String code = COMMENTS.matcher(read(file)).replaceAll(" ").replaceFirst("package [^;]+;", "");
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        to.add(m.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** The strongly connected components with more than one package (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        var tarjan = new Object() {
            final Map<String, Integer> index = new TreeMap<>();
            final Map<String, Integer> low = new TreeMap<>();
            final Deque<String> stack = new ArrayDeque<>();
            final Set<String> onStack = new TreeSet<>();
            final List<List<String>> found = new ArrayList<>();

            void visit(String v) {
                index.put(v, index.size());
                low.put(v, index.get(v));
                stack.push(v);
                onStack.add(v);
                for (String w : graph.getOrDefault(v, Set.of())) {
                    if (!index.containsKey(w)) {
                        visit(w);
                        low.put(v, Math.min(low.get(v), low.get(w)));
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                }
                if (low.get(v).equals(index.get(v))) {
                    var component = new TreeSet<String>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    if (component.size() > 1) {
                        found.add(List.copyOf(component));
                    }
                }
            }
        };
        new TreeSet<>(graph.keySet()).forEach(v -> {
            if (!tarjan.index.containsKey(v)) {
                tarjan.visit(v);
            }
        });
        return tarjan.found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
