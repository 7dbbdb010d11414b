package io.essays.content;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read with SnakeYAML's node API, so that every value keeps its line: typed getters report a
 * {@link Problem} naming the line of the offending key (or of the mapping, for a missing key) and return null.
 */
final class FrontMatter {
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    /**
     * Longest slug or tag, in characters: they are keys, stored in bounded, indexed columns. Every other text is stored
     * whatever its length.
     */
    static final int MAX_KEY_LENGTH = 100;

    /**
     * One loader per thread (a {@link Yaml} is not thread-safe, and building one for each front matter took 85 of the
     * 308 profile samples of parsing 10,000 of them): duplicate keys refused, few aliases.
     */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        return new Yaml(options);
    });

    private final String file;
    private final int firstLine;
    private final Consumer<Problem> problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private FrontMatter(String file, int firstLine, Consumer<Problem> problems) {
        this.file = file;
        this.firstLine = firstLine;
        this.problems = problems;
    }

    /**
     * Parses YAML text that starts at {@code firstLine} of {@code file}. Returns null (after reporting) when the text is
     * not a YAML mapping.
     */
    static FrontMatter parse(String file, String yaml, int firstLine, Set<String> knownKeys, Consumer<Problem> problems) {
        Node root;
        try {
            root = YAML.get().compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? firstLine : firstLine + e.getProblemMark().getLine();
            problems.accept(new Problem(file, line, "malformed YAML: " + e.getProblem()));
            return null;
        } catch (YAMLException e) {
            problems.accept(new Problem(file, firstLine, "malformed YAML: " + e.getMessage()));
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.accept(new Problem(file, firstLine, "expected YAML key: value pairs"));
            return null;
        }
        var fm = new FrontMatter(file, firstLine, problems);
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                fm.report(tuple.getKeyNode(), "keys must be plain words");
                continue;
            }
            if (fm.entries.containsKey(key.getValue())) {
                fm.report(key, "duplicate key '" + key.getValue() + "'");
                continue;
            }
            if (!knownKeys.contains(key.getValue())) {
                fm.report(key, "unknown key '" + key.getValue() + "' (expected one of " + String.join(", ", knownKeys) + ")");
            }
            fm.entries.put(key.getValue(), tuple);
        }
        return fm;
    }

    /** The line of a key, or the first line when the key is absent. */
    int line(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? firstLine : lineOf(t.getKeyNode());
    }

    String requiredText(String key) {
        ScalarNode scalar = scalar(key, true);
        if (scalar == null) {
            return null;
        }
        String value = scalar.getValue().strip();
        if (value.isEmpty()) {
            report(entries.get(key).getKeyNode(), "'" + key + "' must not be empty");
            return null;
        }
        return value;
    }

    Integer requiredPositiveInt(String key) {
        ScalarNode scalar = scalar(key, true);
        if (scalar == null) {
            return null;
        }
        if (!Tag.INT.equals(scalar.getTag())) {
            report(scalar, "'" + key + "' must be a whole number, got '" + scalar.getValue() + "'");
            return null;
        }
        try {
            int value = Integer.parseInt(scalar.getValue().replace("_", ""));
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        report(scalar, "'" + key + "' must be a whole number from 1, got '" + scalar.getValue() + "'");
        return null;
    }

    LocalDate date(String key, boolean required) {
        ScalarNode scalar = scalar(key, required);
        if (scalar == null) {
            return null;
        }
        try {
            return LocalDate.parse(scalar.getValue().strip());
        } catch (DateTimeParseException e) {
            report(scalar, "'" + key + "' must be an ISO date (YYYY-MM-DD), got '" + scalar.getValue() + "'");
            return null;
        }
    }

    /** An optional list of strings; each must match {@code pattern} if given. Never null. */
    List<String> stringList(String key, Pattern pattern, String patternDescription) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            report(tuple.getValueNode(), "'" + key + "' must be a list, e.g. " + key + ": [a, b]");
            return List.of();
        }
        var values = new ArrayList<String>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                report(item, "each entry of '" + key + "' must be non-empty text");
                continue;
            }
            String value = scalar.getValue().strip();
            if (pattern != null && !pattern.matcher(value).matches()) {
                report(item, "'" + key + "' entry '" + value + "' must be " + patternDescription);
            } else if (pattern != null && value.length() > MAX_KEY_LENGTH) {
                report(item, "'" + key + "' entry '" + value.substring(0, 20) + "…' is " + value.length()
                        + " characters long; use at most " + MAX_KEY_LENGTH);
            } else if (values.contains(value)) {
                report(item, "'" + key + "' lists '" + value + "' twice");
            } else {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    private ScalarNode scalar(String key, boolean required) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            if (required) {
                problems.accept(new Problem(file, tuple == null ? firstLine : lineOf(tuple.getKeyNode()),
                        "missing required field '" + key + "'"));
            }
            return null;
        }
        if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
            report(tuple.getValueNode(), "'" + key + "' must be a single value, not a list or mapping");
            return null;
        }
        return scalar;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    void report(Node node, String message) {
        problems.accept(new Problem(file, lineOf(node), message));
    }

    private int lineOf(Node node) {
        return firstLine + node.getStartMark().getLine();
    }
}
