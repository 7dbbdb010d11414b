package io.essays.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Front matter values and their problems, each with the file line it is on (the YAML starts on line 2). */
class FrontMatterTest {
    private static final Set<String> KEYS = Set.of("title", "order", "tags", "published");
    private final List<Problem> problems = new ArrayList<>();

    private FrontMatter parse(String yaml) {
        return FrontMatter.parse("e.md", yaml, 2, KEYS, problems::add);
    }

    private static Problem at(int line, String message) {
        return new Problem("e.md", line, message);
    }

    @Test
    void valuesAreReadAndStripped() {
        FrontMatter fm = parse("title: '  A Title  '\norder: 1_000\ntags: [a, ' b ']\npublished: 2026-01-02\n");
        assertThat(fm.requiredText("title")).isEqualTo("A Title");
        assertThat(fm.requiredPositiveInt("order")).isEqualTo(1000);
        assertThat(fm.stringList("tags", null, null)).containsExactly("a", "b");
        assertThat(fm.date("published", true)).isEqualTo(java.time.LocalDate.of(2026, 1, 2));
        assertThat(fm.line("order")).isEqualTo(3);
        assertThat(fm.line("nothing")).isEqualTo(2);
        assertThat(problems).isEmpty();
    }

    @Test
    void yamlThatIsNotAMappingIsReportedOnItsFirstLine() {
        assertThat(parse("- a\n- b\n")).isNull();
        assertThat(problems).containsExactly(at(2, "expected YAML key: value pairs"));
    }

    @Test
    void emptyYamlIsNotAMapping() {
        assertThat(parse("")).isNull();
        assertThat(problems).containsExactly(at(2, "expected YAML key: value pairs"));
    }

    @Test
    void tooManyAliasesAreMalformedYaml() {
        var yaml = new StringBuilder("title: &x [a]\n");
        for (int i = 0; i < 12; i++) {
            yaml.append("k").append(i).append(": *x\n");
        }
        assertThat(parse(yaml.toString())).isNull();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).startsWith("malformed YAML: ");
    }

    @Test
    void aKeyThatIsNotAWordIsReportedOnItsLine() {
        assertThat(parse("title: A\n? [a, b]\n: c\n")).isNotNull();
        assertThat(problems).containsExactly(at(3, "keys must be plain words"));
    }

    @Test
    void unknownKeysAreReportedWithTheKnownOnes() {
        FrontMatter fm = FrontMatter.parse("e.md", "title: A\ncolour: red\n", 2, new java.util.LinkedHashSet<>(
                List.of("title", "order")), problems::add);
        assertThat(fm.requiredText("title")).isEqualTo("A");
        assertThat(problems).containsExactly(at(3, "unknown key 'colour' (expected one of title, order)"));
    }

    @Test
    void anEmptyRequiredTextIsReportedOnItsKey() {
        assertThat(parse("order: 1\ntitle: '  '\n").requiredText("title")).isNull();
        assertThat(problems).containsExactly(at(3, "'title' must not be empty"));
    }

    @Test
    void aMissingRequiredValueIsReportedOnTheFirstLineAndANullOneOnItsKey() {
        FrontMatter fm = parse("order: 1\ntitle:\n");
        assertThat(fm.requiredText("title")).isNull();
        assertThat(fm.date("published", true)).isNull();
        assertThat(fm.date("updated", false)).isNull();
        assertThat(problems).containsExactly(at(3, "missing required field 'title'"),
                at(2, "missing required field 'published'"));
    }

    @Test
    void aListWhereOneValueIsExpectedIsReported() {
        assertThat(parse("title: [a, b]\n").requiredText("title")).isNull();
        assertThat(problems).containsExactly(at(2, "'title' must be a single value, not a list or mapping"));
    }

    @Test
    void orderMustBeAWholeNumberFromOne() {
        assertThat(parse("order: 0\n").requiredPositiveInt("order")).isNull();
        assertThat(parse("order: -3\n").requiredPositiveInt("order")).isNull();
        assertThat(parse("order: 1.5\n").requiredPositiveInt("order")).isNull();
        assertThat(parse("order: 99999999999\n").requiredPositiveInt("order")).isNull();
        assertThat(parse("order: 1\n").requiredPositiveInt("order")).isEqualTo(1);
        assertThat(problems).containsExactly(at(2, "'order' must be a whole number from 1, got '0'"),
                at(2, "'order' must be a whole number from 1, got '-3'"),
                at(2, "'order' must be a whole number, got '1.5'"),
                at(2, "'order' must be a whole number from 1, got '99999999999'"));
    }

    @Test
    void aMissingOrderIsReported() {
        assertThat(parse("title: A\n").requiredPositiveInt("order")).isNull();
        assertThat(problems).containsExactly(at(2, "missing required field 'order'"));
    }

    @Test
    void listEntriesMustBeNonEmptyDistinctAndMatchThePattern() {
        List<String> tags = parse("title: A\ntags:\n  - ok\n  - ''\n  - [x]\n  - ok\n  - Bad\n")
                .stringList("tags", FrontMatter.SLUG, "lowercase");
        assertThat(tags).containsExactly("ok");
        assertThat(problems).containsExactly(at(5, "each entry of 'tags' must be non-empty text"),
                at(6, "each entry of 'tags' must be non-empty text"),
                at(7, "'tags' lists 'ok' twice"),
                at(8, "'tags' entry 'Bad' must be lowercase"));
    }

    @Test
    void aListThatIsAbsentOrNullIsEmptyAndAScalarIsReported() {
        assertThat(parse("title: A\n").stringList("tags", null, null)).isEmpty();
        assertThat(parse("tags: ~\n").stringList("tags", null, null)).isEmpty();
        assertThat(parse("tags: a\n").stringList("tags", null, null)).isEmpty();
        assertThat(problems).containsExactly(at(2, "'tags' must be a list, e.g. tags: [a, b]"));
    }

    @Test
    void aDateMustBeIso() {
        assertThat(parse("published: 2026-13-01\n").date("published", true)).isNull();
        assertThat(parse("published: 1 May 2026\n").date("published", true)).isNull();
        assertThat(problems).containsExactly(at(2, "'published' must be an ISO date (YYYY-MM-DD), got '2026-13-01'"),
                at(2, "'published' must be an ISO date (YYYY-MM-DD), got '1 May 2026'"));
    }

    @Test
    void controlCharactersInTextAreReportedOnTheFieldsLineWithTheirCodePoint() {
        FrontMatter fm = parse("order: 1\ntitle: \"A\\x01B\"\n");
        assertThat(fm.requiredText("title")).isNull();
        assertThat(parse("title: \"A\\x7fB\"\n").requiredLine("title")).isNull();
        assertThat(parse("title: \"A\\u0085B\"\n").requiredLine("title")).isNull();
        assertThat(parse("title: \"A\\uFFFEB\"\n").requiredLine("title")).isNull();
        assertThat(parse("title: \"A\\uD800B\"\n").requiredLine("title")).isNull();
        assertThat(parse("title: \"A\\rB\"\n").requiredText("title")).isNull();
        assertThat(problems).containsExactly(
                at(3, "'title' contains U+0001 (a control character), which is not allowed in text"),
                at(2, "'title' contains U+007F (a control character), which is not allowed in text"),
                at(2, "'title' contains U+0085 (a control character), which is not allowed in text"),
                at(2, "'title' contains U+FFFE (a non-character), which is not allowed in text"),
                at(2, "'title' contains U+D800 (an unpaired surrogate), which is not allowed in text"),
                at(2, "'title' contains U+000D (a carriage return), which is not allowed in text"));
    }

    @Test
    void aTitleOfInvisibleCharactersOnlyIsEmpty() {
        assertThat(parse("title: \"\u200B\u200B\"\n").requiredLine("title")).isNull();
        assertThat(parse("title: \"\u2060 \uFEFF\"\n").requiredLine("title")).isNull();
        assertThat(parse("title: \"Zero\u200Bwidth inside is kept\"\n").requiredLine("title"))
                .isEqualTo("Zero\u200Bwidth inside is kept");
        assertThat(problems).containsExactly(
                at(2, "'title' must not be empty: it holds only invisible characters, the first U+200B (a format character)"),
                at(2, "'title' must not be empty: it holds only invisible characters, the first U+2060 (a format character)"));
    }

    @Test
    void aOneLineFieldHoldsNoTabOrLineBreakWhileAParagraphMay() {
        assertThat(parse("title: \"A\\tB\"\n").requiredLine("title")).isNull();
        assertThat(parse("title: |\n  Line one\n  line two\n").requiredLine("title")).isNull();
        assertThat(parse("title: |\n  Line one\n  line two\n").requiredText("title")).isEqualTo("Line one\nline two");
        assertThat(parse("title: \"A\\tB\"\n").requiredText("title")).isEqualTo("A\tB");
        assertThat(parse("title: >-\n  Folded over\n  two lines\n").requiredLine("title"))
                .isEqualTo("Folded over two lines");
        assertThat(parse("title: \"Emoji \\U0001F600 and \u00e9\"\n").requiredLine("title"))
                .isEqualTo("Emoji \uD83D\uDE00 and \u00e9");
        assertThat(problems).containsExactly(at(2, "'title' contains U+0009 (a tab): it must be one line"),
                at(2, "'title' contains U+000A (a line break): it must be one line"));
    }

    @Test
    void aControlCharacterInAListEntryIsReportedOnItsLine() {
        assertThat(parse("tags:\n  - ok\n  - \"b\\x00d\"\n").stringList("tags", null, null)).containsExactly("ok");
        assertThat(problems).containsExactly(
                at(4, "'tags' contains U+0000 (a control character), which is not allowed in text"));
    }

    @Test
    void aCharacterYamlDoesNotAllowIsReportedAtItsLineAndColumnWithItsCodePoint() {
        assertThat(parse("title: A\norder: 1\ntags: [a, b\u0000c]\n")).isNull();
        // far beyond the first chunk SnakeYAML reads ahead (1,024 characters), and after a character outside the BMP
        String longYaml = "title: \uD83D\uDE00 A\n" + "tags: [aaaaaaaaaa]\n".repeat(200) + "order: \u00071\n";
        assertThat(parse(longYaml)).isNull();
        assertThat(problems).containsExactly(
                at(4, "malformed YAML: U+0000 (a control character) at column 12 is not allowed in YAML"),
                at(203, "malformed YAML: U+0007 (a control character) at column 8 is not allowed in YAML"));
    }

    @Test
    void aYamlErrorFoundAfterWhereItsConstructOpenedSaysWhereThatWas() {
        assertThat(parse("title: A\ntags: [a, b\norder: 1\n")).isNull();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(4);
        assertThat(problems.get(0).message()).startsWith("malformed YAML: ")
                .endsWith("(while parsing a flow sequence that starts on line 3)");
    }
}
