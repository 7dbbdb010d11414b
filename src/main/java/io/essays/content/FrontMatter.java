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
import org.yaml.snakeyaml.reader.ReaderException;

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
            String context = "";
            if (e.getContext() != null && e.getContextMark() != null
                    && firstLine + e.getContextMark().getLine() != line) {
                // "expected ',' or ']'" is found on the line after an unclosed "[": the context says where it opened
                context = " (" + e.getContext() + " that starts on line " + (firstLine + e.getContextMark().getLine())
                        + ")";
            }
            problems.accept(new Problem(file, line, "malformed YAML: " + e.getProblem() + context));
            return null;
        } catch (ReaderException e) {
            // a character YAML does not allow (a NUL, a control character): SnakeYAML finds it while reading ahead,
            // before any mark exists, and gives its position (in code points) instead
            int[] at = lineAndColumn(yaml, e.getPosition());
            problems.accept(new Problem(file, firstLine + at[0], "malformed YAML: " + describe(e.getCodePoint())
                    + " at column " + (at[1] + 1) + " is not allowed in YAML"));
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

    /** A required text of one line (a title, a slug): no control character, tab or line break. */
    String requiredLine(String key) {
        return requiredText(key, false);
    }

    /** A required text that may run over lines (a summary, a description): tabs and line breaks are allowed. */
    String requiredText(String key) {
        return requiredText(key, true);
    }

    private String requiredText(String key, boolean multiLine) {
        ScalarNode scalar = scalar(key, true);
        if (scalar == null) {
            return null;
        }
        String value = scalar.getValue().strip();
        Node keyNode = entries.get(key).getKeyNode();
        if (value.isEmpty()) {
            report(keyNode, "'" + key + "' must not be empty");
            return null;
        }
        if (!isPlainText(keyNode, key, value, multiLine)) {
            return null;
        }
        if (value.codePoints().allMatch(FrontMatter::invisible)) {
            // strip() keeps format characters: a title of zero-width spaces would be shown as nothing at all
            report(keyNode, "'" + key + "' must not be empty: it holds only invisible characters, the first "
                    + describe(value.codePointAt(0)));
            return null;
        }
        return value;
    }

    /**
     * Whether {@code value} holds only characters a text field may hold, else reports the first other one, with its
     * code point, at {@code node}'s line. Not allowed: control characters (C0, DEL and C1; in a field that may run over
     * lines, tab and line feed are fine), unpaired surrogates, and U+FFFE and U+FFFF. YAML writes them with escapes
     * ({@code "\x01"}); XML 1.0 has no way to carry most of them, so one in a title made the Atom feed fail on every
     * request, and none of them belongs in text anyone reads.
     */
    private boolean isPlainText(Node node, String key, String value, boolean multiLine) {
        int bad = forbiddenCharacter(value, multiLine);
        if (bad < 0) {
            return true;
        }
        boolean lineBreak = bad == '\t' || bad == '\n';
        report(node, "'" + key + "' contains " + describe(bad) + (lineBreak ? ": it must be one line"
                : ", which is not allowed in text"));
        return false;
    }

    /** Whether {@code c} shows nothing: white space, or a format character (U+200B, U+2060, U+FEFF …). */
    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /** The first code point of {@code text} that {@link #isPlainText} refuses, or -1. */
    static int forbiddenCharacter(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean control = c < 0x20 ? !(multiLine && (c == '\t' || c == '\n')) : c >= 0x7F && c <= 0x9F;
            if (control || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) || c == 0xFFFE
                    || c == 0xFFFF) {
                return c;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** A code point as a problem names it: {@code U+0001 (a control character)}. */
    static String describe(int c) {
        String what = c == '\t' ? "a tab" : c == '\n' ? "a line break" : c == '\r' ? "a carriage return"
                : c < 0x20 || (c >= 0x7F && c <= 0x9F) ? "a control character"
                : c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? "an unpaired surrogate"
                : c == 0xFFFE || c == 0xFFFF ? "a non-character"
                : Character.getType(c) == Character.FORMAT ? "a format character" : "a character";
        return String.format(java.util.Locale.ROOT, "U+%04X (%s)", c, what);
    }

    /** The zero-based line and column of the code point at {@code codePoints} code points into {@code text}. */
    private static int[] lineAndColumn(String text, int codePoints) {
        int line = 0;
        int column = 0;
        for (int i = 0, n = 0; i < text.length() && n < codePoints; n++) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        return new int[] {line, column};
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
            if (!isPlainText(item, key, value, false)) {
                continue;
            }
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
