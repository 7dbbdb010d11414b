package io.essays.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.essays.markdown.Formula;
import io.essays.markdown.InvalidMathException;
import io.essays.markdown.MarkdownRenderer;
import io.essays.markdown.MathRenderer;
import io.essays.markdown.TocEntry;

class CorpusReaderTest {
    @TempDir
    Path dir;
    private final CorpusReader reader = new CorpusReader(new MarkdownRenderer("/essays/{slug}"));

    @BeforeEach
    void series() throws IOException {
        write("series/basics.yaml", "title: Basics\norder: 1\ndescription: The basics.\n");
    }

    private void write(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private static String essay(String frontMatterExtra, int order, String body) {
        return "---\ntitle: An Essay\nseries: basics\norder: " + order + "\nsummary: One paragraph.\npublished: 2026-01-01\n"
                + frontMatterExtra + "---\n" + body;
    }

    private List<Problem> problems() {
        return catchThrowableOfType(InvalidCorpusException.class, () -> reader.read(dir)).problems();
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void validCorpusIsReadInSeriesAndReadingOrder() throws IOException {
        write("series/advanced.yaml", "title: Advanced\norder: 2\ndescription: Harder.\n");
        write("essays/b.md", essay("", 2, "Text linking [a](a.md#intro).\n"));
        write("essays/a.md", essay("tags: [maths, ml-basics]\n", 1, "## Intro\n\nHello.\n"));
        write("essays/c.md", essay("", 1, "Text.\n").replace("series: basics", "series: advanced"));
        Corpus corpus = reader.read(dir);
        assertThat(corpus.series()).extracting(SeriesSource::slug).containsExactly("basics", "advanced");
        assertThat(corpus.essays()).extracting(EssaySource::slug).containsExactly("a", "b", "c");
        assertThat(corpus.essays().get(0).tags()).containsExactly("maths", "ml-basics");
        assertThat(corpus.contentHash()).hasSize(64);
    }

    @Test
    void aLinkWithinTheContentDirectoryIsFollowedAndOneOutOfItIsAProblem(@TempDir Path elsewhere) throws IOException {
        write("drafts/a.md", essay("", 1, "Linked in from drafts.\n"));
        Files.createDirectories(dir.resolve("essays"));
        Files.createSymbolicLink(dir.resolve("essays/a.md"), dir.resolve("drafts/a.md"));
        Corpus corpus = reader.read(dir);
        assertThat(corpus.essays()).extracting(EssaySource::slug).containsExactly("a");
        assertThat(CorpusReader.contentHash(dir)).contains(corpus.contentHash());

        Path secret = Files.writeString(elsewhere.resolve("environ"), "ESSAYS_ADMIN_TOKEN=secret\n");
        Files.createSymbolicLink(dir.resolve("essays/b.md"), secret);
        Files.createDirectories(dir.resolve("assets/a"));
        Files.createSymbolicLink(dir.resolve("assets/a/x.png"), secret);
        assertThat(problems()).containsExactly(
                new Problem(file("assets/a/x.png"), 0, "a link to a file outside the content directory; it is not read"),
                new Problem(file("essays/b.md"), 0, "a link to a file outside the content directory; it is not read"));
        // nothing to compare: the full read reports it
        assertThat(CorpusReader.contentHash(dir)).isEmpty();
    }

    @Test
    void aSubDirectoryOfEssaysOrSeriesIsAProblemNotASilentGap() throws IOException {
        write("essays/a.md", essay("", 1, "Read.\n"));
        String before = reader.read(dir).contentHash();
        write("essays/2026/b.md", essay("", 2, "Would never be served.\n"));
        write("series/more/advanced.yaml", "title: Advanced\norder: 2\ndescription: Harder.\n");
        // hidden ones are a volume's own (Kubernetes mounts its files through ..data)
        write("essays/..data/c.md", essay("", 3, "Not an essay of the corpus.\n"));
        assertThat(problems()).containsExactly(
                new Problem(file("essays/2026"), 0, "a directory: only the files directly in essays/ are read; "
                        + "move its files up, or out of the content directory"),
                new Problem(file("series/more"), 0, "a directory: only the files directly in series/ are read; "
                        + "move its files up, or out of the content directory"));
        // so an unchanged start cannot skip the read that reports it
        assertThat(CorpusReader.contentHash(dir)).isEmpty();

        Files.delete(dir.resolve("essays/2026/b.md"));
        Files.delete(dir.resolve("essays/2026"));
        Files.delete(dir.resolve("series/more/advanced.yaml"));
        Files.delete(dir.resolve("series/more"));
        assertThat(reader.read(dir).contentHash()).isEqualTo(before);
        assertThat(CorpusReader.contentHash(dir)).contains(before);
    }

    @Test
    void aDirectoryLinkedOutOfTheContentDirectoryIsNotRead(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("a.md"), essay("", 1, "Outside.\n"));
        Files.createSymbolicLink(dir.resolve("essays"), elsewhere);
        assertThat(problems()).contains(
                new Problem(file("essays/a.md"), 0, "a link to a file outside the content directory; it is not read"));
        assertThat(CorpusReader.contentHash(dir)).isEmpty();
    }

    @Test
    void theHashOfTheFilesAloneIsTheContentHashOfTheReadCorpus() throws IOException {
        write("essays/a.md", essay("", 1, "## Intro\n\nHello.\n"));
        String read = reader.read(dir).contentHash();
        assertThat(CorpusReader.contentHash(dir)).contains(read);
        assertThat(CorpusReader.contentHash(Path.of("src/test/resources/fixture")))
                .contains(reader.read(Path.of("src/test/resources/fixture")).contentHash());
        write("essays/a.md", essay("", 1, "## Intro\n\nHello again.\n"));
        assertThat(CorpusReader.contentHash(dir)).isNotEqualTo(java.util.Optional.of(read))
                .contains(reader.read(dir).contentHash());
        write("series/basics.yaml", "title: Basics\norder: 1\ndescription: The basics, renamed.\n");
        assertThat(CorpusReader.contentHash(dir)).contains(reader.read(dir).contentHash());
    }

    @Test
    void tagsAndSlugsLongerThanAKeyMayBeAreReportedWithFileAndLine() throws IOException {
        String longTag = "t".repeat(101);
        write("essays/a.md", essay("tags: [ok, " + longTag + "]\n", 1, "Text.\n"));
        String longSlug = "s".repeat(101);
        write("essays/" + longSlug + ".md", essay("", 2, "Text.\n"));
        write("series/" + longSlug + ".yaml", "title: Long\norder: 2\ndescription: Long.\n");
        assertThat(problems()).containsExactlyInAnyOrder(
                new Problem(file("essays/a.md"), 7, "'tags' entry 'tttttttttttttttttttt…' is 101 characters long; use at most 100"),
                new Problem(file("essays/" + longSlug + ".md"), 0, "the slug (file name) is 101 characters long; use at most 100"),
                new Problem(file("series/" + longSlug + ".yaml"), 0, "the slug (file name) is 101 characters long; use at most 100"));
    }

    @Test
    void aTagOrSlugOfExactlyTheLongestLengthIsFine() throws IOException {
        String slug = "s".repeat(100);
        write("essays/" + slug + ".md", essay("tags: [" + "t".repeat(100) + "]\n", 1, "Text.\n"));
        assertThat(reader.read(dir).essays()).extracting(EssaySource::slug).containsExactly(slug);
    }

    @Test
    void contentHashChangesWhenAnyFileChanges() throws IOException {
        write("essays/a.md", essay("", 1, "One.\n"));
        String before = reader.read(dir).contentHash();
        write("essays/a.md", essay("", 1, "Two.\n"));
        assertThat(reader.read(dir).contentHash()).isNotEqualTo(before);
    }

    @Test
    void missingContentDirectoryIsReported() {
        assertThatThrownBy(() -> reader.read(dir.resolve("nope")))
                .isInstanceOf(InvalidCorpusException.class)
                .hasMessageContaining("content directory not found");
    }

    @Test
    void nonUtf8FileIsReportedWithTheLineOfTheBadByte() throws IOException {
        byte[] bytes = (essay("", 1, "Fine line.\nBad: ")).getBytes(StandardCharsets.UTF_8);
        byte[] withBad = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        withBad[bytes.length] = (byte) 0xC3;
        withBad[bytes.length + 1] = (byte) 0x28;
        Files.createDirectories(dir.resolve("essays"));
        Files.write(dir.resolve("essays/a.md"), withBad);
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 9, "not valid UTF-8 (byte offset "
                + bytes.length + ")"));
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsValidUtf8AndKept() throws IOException {
        write("essays/a.md", essay("", 1, "Decoders print \uFFFD for bytes they cannot read.\n"));
        assertThat(reader.read(dir).essays().get(0).source()).contains("print \uFFFD for bytes");
    }

    @Test
    void frontMatterAndBodyAreCutAtTheClosingLineWhateverEndsTheFile() throws IOException {
        write("essays/a.md", "\uFEFF---  \r\n" + essay("", 1, "").substring(4).replace("---\n", "...\r\n")
                + "## Intro\r\n\r\nLast line, no newline");
        write("essays/b.md", essay("", 2, ""));
        write("essays/c.md", essay("", 3, "").stripTrailing());
        Corpus corpus = reader.read(dir);
        EssaySource a = corpus.essays().get(0);
        assertThat(a.title()).isEqualTo("An Essay");
        assertThat(a.source()).startsWith("---  \n").endsWith("\n...\n## Intro\n\nLast line, no newline");
        assertThat(a.rendered().toc()).extracting(TocEntry::text).containsExactly("Intro");
        assertThat(a.rendered().plainText()).endsWith("Last line, no newline");
        assertThat(corpus.essays().subList(1, 3)).allSatisfy(e -> assertThat(e.rendered().plainText()).isEmpty());
    }

    @Test
    void missingFrontMatterIsReportedOnLineOne() throws IOException {
        write("essays/a.md", "# Just markdown\n");
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 1,
                "missing front matter: the file must start with a '---' line"));
    }

    @Test
    void unclosedFrontMatterIsReported() throws IOException {
        write("essays/a.md", "---\ntitle: x\n");
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 1,
                "front matter opened here is never closed with a '---' line"));
    }

    @Test
    void malformedYamlIsReportedWithItsLine() throws IOException {
        write("essays/a.md", "---\ntitle: ok\nseries: [unclosed\norder: 1\n---\nBody\n");
        List<Problem> problems = problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).startsWith("malformed YAML");
        assertThat(problems.get(0).line()).isBetween(3, 5);
    }

    @Test
    void missingRequiredFieldIsReported() throws IOException {
        write("essays/a.md", "---\nseries: basics\norder: 1\nsummary: s\npublished: 2026-01-01\n---\nBody\n");
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 2, "missing required field 'title'"));
    }

    @Test
    void mistypedOrderIsReportedOnItsLine() throws IOException {
        write("essays/a.md", essay("", 1, "Body\n").replace("order: 1", "order: first"));
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 4,
                "'order' must be a whole number, got 'first'"));
    }

    @Test
    void tagsThatAreNotAListAreReported() throws IOException {
        write("essays/a.md", essay("tags: maths\n", 1, "Body\n"));
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 7,
                "'tags' must be a list, e.g. tags: [a, b]"));
    }

    @Test
    void tagsMustBeLowercaseWords() throws IOException {
        write("essays/a.md", essay("tags: [Maths, ok]\n", 1, "Body\n"));
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 7,
                "'tags' entry 'Maths' must be lowercase letters, digits and hyphens"));
    }

    @Test
    void invalidDateIsReportedOnItsLine() throws IOException {
        write("essays/a.md", essay("", 1, "Body\n").replace("published: 2026-01-01", "published: 2026-02-30"));
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 6,
                "'published' must be an ISO date (YYYY-MM-DD), got '2026-02-30'"));
    }

    @Test
    void updatedBeforePublishedIsReported() throws IOException {
        write("essays/a.md", essay("updated: 2025-12-31\n", 1, "Body\n"));
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 7,
                "'updated' (2025-12-31) is before 'published' (2026-01-01)"));
    }

    @Test
    void unknownFrontMatterKeyIsReported() throws IOException {
        write("essays/a.md", essay("titel: typo\n", 1, "Body\n"));
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 7,
                "unknown key 'titel' (expected one of title, series, order, summary, tags, aliases, published, updated)"));
    }

    @Test
    void invalidSlugIsReported() throws IOException {
        write("essays/Bad_Name.md", essay("", 1, "Body\n"));
        assertThat(problems()).containsExactly(new Problem(file("essays/Bad_Name.md"), 0,
                "invalid slug 'Bad_Name': use lowercase letters, digits and hyphens"));
    }

    @Test
    void unknownSeriesIsReportedOnItsLine() throws IOException {
        write("essays/a.md", essay("", 1, "Body\n").replace("series: basics", "series: nope"));
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 3,
                "unknown series 'nope' (known: basics)"));
    }

    @Test
    void duplicateOrderWithinASeriesIsReported() throws IOException {
        write("essays/a.md", essay("", 1, "Body\n"));
        write("essays/b.md", essay("", 1, "Body\n"));
        assertThat(problems()).containsExactly(new Problem(file("essays/b.md"), 4,
                "order 1 is already used by 'a' in series 'basics'"));
    }

    @Test
    void crossLinkToUnknownEssayIsReportedOnItsLine() throws IOException {
        write("essays/a.md", essay("", 1, "Intro.\n\nSee [it](ghost.md).\n"));
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 10,
                "cross-link to unknown essay 'ghost' (no file essays/ghost.md)"));
    }

    @Test
    void crossLinkToMissingHeadingIsReported() throws IOException {
        write("essays/a.md", essay("", 1, "## Real\n\nText.\n"));
        write("essays/b.md", essay("", 2, "See [x](a.md#fake).\n"));
        assertThat(problems()).containsExactly(new Problem(file("essays/b.md"), 8,
                "cross-link to 'a.md#fake': essay 'a' has no heading with id 'fake'"));
    }

    @Test
    void anchorLinkWithinTheEssayMustResolve() throws IOException {
        write("essays/a.md", essay("", 1, "## Real\n\nSee [x](#unreal).\n"));
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 10,
                "link to '#unreal': this essay has no heading with that id"));
    }

    @Test
    void unterminatedDisplayMathIsReported() throws IOException {
        write("essays/a.md", essay("", 1, "Intro.\n\n$$\nx^2\n"));
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 10,
                "unterminated display math: '$$' opened here is never closed"));
    }

    @Test
    void seriesFileProblemsAreReported() throws IOException {
        write("essays/a.md", essay("", 1, "Body\n"));
        write("series/broken.yaml", "title: Broken\norder: zero\n");
        assertThat(problems()).containsExactly(
                new Problem(file("series/broken.yaml"), 1, "missing required field 'description'"),
                new Problem(file("series/broken.yaml"), 2, "'order' must be a whole number, got 'zero'"));
    }

    @Test
    void everyProblemOfTheCorpusIsReportedAtOnce() throws IOException {
        write("essays/a.md", essay("", 1, "See [x](ghost.md).\n").replace("series: basics", "series: nope"));
        write("essays/b.md", "no front matter\n");
        write("essays/notes.txt", "stray file\n");
        assertThat(problems()).extracting(Problem::file).containsExactly(
                file("essays/a.md"), file("essays/a.md"), file("essays/b.md"), file("essays/notes.txt"));
    }

    // an empty or half-populated content directory (an unmounted volume, a sidecar that has not synced yet)

    private static final String REFUSED = "; a corpus without them is refused rather than imported as empty, which "
            + "would delete everything being served (an unmounted or not yet populated content volume looks like this)";

    @Test
    void aContentDirectoryWithoutEssaysAndSeriesIsRefusedNotReadAsAnEmptyCorpus() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        List<Problem> problems = catchThrowableOfType(InvalidCorpusException.class, () -> reader.read(empty))
                .problems();
        assertThat(problems).containsExactly(
                new Problem(empty.resolve("essays").toString(), 0, "directory not found: essays are read from "
                        + "essays/<slug>.md" + REFUSED),
                new Problem(empty.resolve("series").toString(), 0, "directory not found: every essay belongs to a "
                        + "series, described in series/<slug>.yaml" + REFUSED));
        assertThat(problems.get(0).relativeTo(empty).file()).isEqualTo("essays");
    }

    @Test
    void anEssaysDirectoryHoldingNoEssayIsRefused() throws IOException {
        write("essays/.gitkeep", "");
        assertThat(problems()).containsExactly(new Problem(file("essays"), 0, "no essay here: essays are read from "
                + "essays/<slug>.md" + REFUSED));
    }

    @Test
    void missingSeriesAreReportedOnceForTheDirectoryNotAsEveryEssaysUnknownSeries() throws IOException {
        Files.delete(dir.resolve("series/basics.yaml"));
        write("essays/a.md", essay("", 1, "Body\n"));
        write("essays/b.md", essay("", 2, "Body\n"));
        assertThat(problems()).containsExactly(new Problem(file("series"), 0, "no series here: every essay belongs to "
                + "a series, described in series/<slug>.yaml" + REFUSED));
        Files.delete(dir.resolve("series"));
        assertThat(problems()).containsExactly(new Problem(file("series"), 0, "directory not found: every essay "
                + "belongs to a series, described in series/<slug>.yaml" + REFUSED));
    }

    @Test
    void anEssayWhoseFilesAreAllInvalidIsNoEmptyCorpus() throws IOException {
        write("essays/a.md", "no front matter\n");
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 1,
                "missing front matter: the file must start with a '---' line"));
    }

    // one invalid file neither hides the other problems of its file nor makes false ones elsewhere

    @Test
    void anEssayWithFrontMatterProblemsHasItsBodyCheckedAndIsNoUnknownEssayToItsLinks() throws IOException {
        write("essays/a.md", essay("", 1, """
                See [nothing](no-such-essay.md), [here](#no-such-heading) and [x](b.md#no-such-anchor).

                ## Intro

                Text.
                """).replace("published: 2026-01-01", "published: 2026-1-1").replace("series: basics", "series: nope"));
        write("essays/b.md", essay("", 2, """
                ## Real

                See [a](a.md), [its intro](a.md#intro) and [its end](a.md#the-end).
                """));
        assertThat(problems()).containsExactly(
                new Problem(file("essays/a.md"), 3, "unknown series 'nope' (known: basics)"),
                new Problem(file("essays/a.md"), 6, "'published' must be an ISO date (YYYY-MM-DD), got '2026-1-1'"),
                new Problem(file("essays/a.md"), 8, "link to '#no-such-heading': this essay has no heading with that "
                        + "id"),
                new Problem(file("essays/a.md"), 8, "cross-link to unknown essay 'no-such-essay' (no file "
                        + "essays/no-such-essay.md)"),
                new Problem(file("essays/a.md"), 8, "cross-link to 'b.md#no-such-anchor': essay 'b' has no heading "
                        + "with id 'no-such-anchor'"),
                new Problem(file("essays/b.md"), 10, "cross-link to 'a.md#the-end': essay 'a' has no heading with id "
                        + "'the-end'"));
    }

    @Test
    void anEssayWithMalformedYamlHasItsBodyCheckedAndIsNoUnknownEssayToItsLinks() throws IOException {
        write("essays/a.md", "---\ntitle: [unclosed\n---\n## Intro\n\nSee [below](#outro).\n");
        write("essays/b.md", essay("", 1, "See [a](a.md) and [its intro](a.md#intro).\n"));
        List<Problem> problems = problems();
        assertThat(problems).extracting(Problem::file, Problem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(file("essays/a.md"), 2),
                org.assertj.core.groups.Tuple.tuple(file("essays/a.md"), 6));
        assertThat(problems.get(0).message()).startsWith("malformed YAML: ");
        assertThat(problems.get(1).message()).isEqualTo("link to '#outro': this essay has no heading with that id");
    }

    @Test
    void aBodyProblemDoesNotHideTheOtherLinkProblemsOfItsFile() throws IOException {
        write("essays/a.md", essay("", 1, "## Intro\n\nSee ![missing](../assets/a/none.svg) and [x](#intro-typo).\n"));
        write("essays/b.md", essay("", 2, "See [a](a.md#intro) and [a](a.md#intr).\n"));
        assertThat(problems()).containsExactly(
                new Problem(file("essays/a.md"), 10, "image '../assets/a/none.svg' not found: no file "
                        + "assets/a/none.svg"),
                new Problem(file("essays/a.md"), 10, "link to '#intro-typo': this essay has no heading with that id"),
                new Problem(file("essays/b.md"), 8, "cross-link to 'a.md#intr': essay 'a' has no heading with id "
                        + "'intr'"));
    }

    @Test
    void aLinkToAnEssayFileThatCannotBeReadIsNoLinkToAnUnknownEssay() throws IOException {
        write("essays/a.md", essay("", 1, "See [b](b.md#somewhere) and [c](c.md).\n"));
        write("essays/b.md", "no front matter\n");
        write("essays/c.md", "---\ntitle: never closed\n");
        assertThat(problems()).containsExactly(
                new Problem(file("essays/b.md"), 1, "missing front matter: the file must start with a '---' line"),
                new Problem(file("essays/c.md"), 1, "front matter opened here is never closed with a '---' line"));
    }

    @Test
    void anInvalidSeriesFileIsNoUnknownSeriesToItsEssays() throws IOException {
        write("series/basics.yaml", "title: Basics\norder: first\ndescription: The basics.\n");
        write("essays/a.md", essay("", 1, "Body\n"));
        write("essays/b.md", essay("", 2, "Body\n"));
        assertThat(problems()).containsExactly(new Problem(file("series/basics.yaml"), 2,
                "'order' must be a whole number, got 'first'"));
    }

    @Test
    void essaysWithOtherProblemsStillTakePartInTheOrderCheck() throws IOException {
        write("essays/a.md", essay("", 1, "Body\n").replace("title: An Essay", "title:"));
        write("essays/b.md", essay("", 1, "Body\n"));
        assertThat(problems()).containsExactly(
                new Problem(file("essays/a.md"), 2, "missing required field 'title'"),
                new Problem(file("essays/b.md"), 4, "order 1 is already used by 'a' in series 'basics'"));
    }

    // series files

    @Test
    void twoSeriesFilesWithOneSlugAreAProblemNamingBoth() throws IOException {
        write("series/basics.yml", "title: Basics again\norder: 7\ndescription: The basics.\n");
        write("essays/a.md", essay("", 1, "Body\n"));
        assertThat(problems()).containsExactly(new Problem(file("series/basics.yml"), 0,
                "series 'basics' is also defined in series/basics.yaml: keep one of the two files"));
    }

    @Test
    void aDuplicateSeriesOrderIsReportedAtItsLineInTheFileRead() throws IOException {
        write("series/more.yml", "title: More\ndescription: More.\norder: 1\n");
        write("essays/a.md", essay("", 1, "Body\n"));
        assertThat(problems()).containsExactly(new Problem(file("series/more.yml"), 3,
                "order 1 is already used by series 'basics'"));
    }

    // text the outputs cannot carry, YAML's own refusals, nesting

    @Test
    void aControlCharacterInATitleIsReportedWithItsLineAndCodePoint() throws IOException {
        write("essays/a.md", essay("aliases: [soft, \"max\\u0085\"]\n", 1, "Body\n")
                .replace("title: An Essay", "title: \"The Soft\\x01max\""));
        assertThat(problems()).containsExactly(
                new Problem(file("essays/a.md"), 2, "'title' contains U+0001 (a control character), which is not "
                        + "allowed in text"),
                new Problem(file("essays/a.md"), 7, "'aliases' contains U+0085 (a control character), which is not "
                        + "allowed in text"));
    }

    @Test
    void aCharacterYamlRefusesIsReportedAtItsLine() throws IOException {
        write("essays/a.md", essay("aliases: [soft, m\0ax]\n", 1, "Body\n"));
        assertThat(problems()).containsExactly(new Problem(file("essays/a.md"), 7,
                "malformed YAML: U+0000 (a control character) at column 18 is not allowed in YAML"));
    }

    @Test
    void markdownNestedTooDeeplyIsAProblemOfItsFileAndTheOtherEssaysAreStillChecked() throws IOException {
        write("essays/deep.md", essay("", 1, "Intro $x$.\n\n" + ">".repeat(3000) + " deep\n"));
        write("essays/list.md", essay("", 2, "- ".repeat(3000) + "x\n"));
        // within the file size limit, and deeper than a render thread's stack can follow
        write("essays/struck.md", essay("", 3, "~~a ".repeat(120_000) + "x" + " b~~".repeat(120_000) + "\n"));
        write("essays/a.md", essay("", 4, "See [deep](deep.md#anything), $y$ and [x](#nowhere).\n"));
        var math = new FakeMath();
        var problems = catchThrowableOfType(InvalidCorpusException.class,
                () -> new CorpusReader(new MarkdownRenderer("/essays/{slug}", math)).read(dir)).problems();
        assertThat(problems).containsExactly(
                new Problem(file("essays/a.md"), 8, "link to '#nowhere': this essay has no heading with that id"),
                new Problem(file("essays/deep.md"), 10, "Markdown nested too deeply to render: more than 100 levels "
                        + "of block quotes or lists"),
                new Problem(file("essays/list.md"), 8, "Markdown nested too deeply to render: more than 100 levels "
                        + "of block quotes or lists"),
                new Problem(file("essays/struck.md"), 8, "Markdown nested too deeply to render: its elements "
                        + "(emphasis, links, images, block quotes or lists) nest inside one another deeper than the "
                        + "renderer can follow"));
        assertThat(math.prepared.get(0)).containsExactly(new Formula("y", false));
    }

    @Test
    void problemMessagesNameFilesRelativeToTheContentDirectory() throws IOException {
        write("essays/a.md", essay("", 1, "[x](ghost.md) ![y](../assets/a/none.svg) ![z](../../series/basics.yaml)\n"));
        List<Problem> problems = problems();
        assertThat(problems).hasSize(3);
        assertThat(problems).extracting(Problem::message)
                .allSatisfy(m -> assertThat(m).doesNotContain(dir.toString()))
                .anySatisfy(m -> assertThat(m).contains("no file essays/ghost.md"))
                .anySatisfy(m -> assertThat(m).contains("no file assets/a/none.svg"))
                .anySatisfy(m -> assertThat(m).contains("is not under assets/"));
    }

    /** A math renderer that cannot parse {@code \\bad} and records what it was asked to prepare. */
    private static final class FakeMath implements MathRenderer {
        final List<Collection<Formula>> prepared = new ArrayList<>();

        @Override
        public String toMathMl(Formula formula) {
            if (formula.tex().contains("\\bad")) {
                throw new InvalidMathException("KaTeX parse error: Undefined control sequence: \\bad at position 1");
            }
            return "<math><mi>" + formula.tex().length() + "</mi></math>";
        }

        @Override
        public String version() {
            return "fake-1";
        }

        @Override
        public void prepare(Collection<Formula> formulas) {
            prepared.add(List.copyOf(formulas));
        }
    }

    @Test
    void mathTheRendererCannotParseIsReportedWithFileLineAndMessage() throws IOException {
        var math = new FakeMath();
        write("essays/a.md", essay("", 1, "Fine $x$.\n\nBroken $\\bad{x}$ here.\n"));
        var problems = catchThrowableOfType(InvalidCorpusException.class,
                () -> new CorpusReader(new MarkdownRenderer("/essays/{slug}", math)).read(dir)).problems();
        assertThat(problems).containsExactly(new Problem(file("essays/a.md"), 10, "math '\\bad{x}' cannot be rendered: "
                + "KaTeX parse error: Undefined control sequence: \\bad at position 1"));
    }

    @Test
    void everyDistinctFormulaOfTheCorpusIsPreparedOnceBeforeRendering() throws IOException {
        var math = new FakeMath();
        write("essays/a.md", essay("", 1, "$x$ and $y$ and $x$.\n\n$$\nx\n$$\n"));
        write("essays/b.md", essay("", 2, "Again $y$, then $$z$$ inline.\n"));
        Corpus corpus = new CorpusReader(new MarkdownRenderer("/essays/{slug}", math)).read(dir);
        assertThat(math.prepared).hasSize(1);
        assertThat(math.prepared.get(0)).containsExactlyInAnyOrder(new Formula("x", false), new Formula("y", false),
                new Formula("x", true), new Formula("z", true));
        assertThat(corpus.essays().get(0).rendered().html()).contains("<math><mi>1</mi></math>");
        assertThat(corpus.essays().get(0).rendered().htmlTex()).contains("<span class=\"math math-inline\">x</span>")
                .doesNotContain("<math>");
    }
}
