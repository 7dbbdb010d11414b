package io.essays.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer("/essays/{slug}");

    private String html(String markdown) {
        return renderer.render(markdown, 0).html().strip();
    }

    @Test
    void inlineMathIsProtectedFromEmphasisAndEscaped() {
        assertThat(html("Let $a_1 < b_2$ and $x_i$ hold."))
                .isEqualTo("<p>Let <span class=\"math math-inline\">a_1 &lt; b_2</span> and "
                        + "<span class=\"math math-inline\">x_i</span> hold.</p>");
    }

    @Test
    void dollarAmountsAreNotMath() {
        assertThat(html("It costs $5 and $10 today.")).isEqualTo("<p>It costs $5 and $10 today.</p>");
    }

    @Test
    void displayMathBlockIsRenderedAsDiv() {
        assertThat(html("Before\n\n$$\n\\frac{a_1}{b} * c * d\n$$\n\nAfter"))
                .isEqualTo("<p>Before</p>\n<div class=\"math math-display\">\\frac{a_1}{b} * c * d</div>\n<p>After</p>");
    }

    @Test
    void singleLineDisplayMathDoesNotSwallowTheNextLine() {
        assertThat(html("$$ E = mc^2 $$\nNext")).isEqualTo(
                "<div class=\"math math-display\">E = mc^2</div>\n<p>Next</p>");
    }

    @Test
    void unterminatedDisplayMathIsReportedWithItsFileLine() {
        var body = renderer.render("Intro\n\n$$\nx^2\n", 5);
        assertThat(body.problems()).extracting(BodyProblem::line, BodyProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8,
                        "unterminated display math: '$$' opened here is never closed"));
    }

    @Test
    void rawHtmlIsEscapedNotInterpreted() {
        assertThat(html("Hi <script>alert(1)</script> there")).doesNotContain("<script").contains("&lt;script&gt;");
        assertThat(html("<div onclick=\"x()\">block</div>")).doesNotContain("<div").contains("&lt;div");
    }

    @Test
    void dangerousUrlsNeverReachTheOutput() {
        assertThat(html("[x](javascript:alert(1)) [y](data:text/html,hi) [z](JaVaScRiPt:evil)"))
                .doesNotContainIgnoringCase("javascript").doesNotContain("data:");
        // and the author is told, at the line
        assertThat(new MarkdownRenderer("/essays/{slug}").render("Intro.\n\n[x](javascript:alert(1)) [m](mailto:a@example.org)", 4)
                .problems()).extracting(BodyProblem::line, BodyProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(7, "link 'javascript:alert(1)' is never rendered: only http, https and "
                        + "mailto links, and links to other essays and headings, are kept"));
    }

    @Test
    void externalLinksGetRelNoopener() {
        assertThat(html("[site](https://example.org/a)"))
                .contains("href=\"https://example.org/a\"").contains("rel=\"noopener noreferrer\"");
    }

    @Test
    void crossLinksAreRewrittenWithDataEssayAndAnchorKept() {
        assertThat(html("See [temperature](softmax.md#temperature)."))
                .isEqualTo("<p>See <a href=\"/essays/softmax#temperature\" data-essay=\"softmax\">temperature</a>.</p>");
    }

    @Test
    void crossLinkTemplateIsConfigurable() {
        var custom = new MarkdownRenderer("https://blog.example/read/{slug}/");
        assertThat(custom.render("[s](softmax.md)", 0).html())
                .contains("href=\"https://blog.example/read/softmax/\"");
    }

    @Test
    void headingsGetStableUniqueIdsAndToc() {
        var body = renderer.render("# Intro\n\n## Bayes' theorem\n\n## Intro\n\n### Why $x$ matters?", 0);
        assertThat(body.toc()).extracting(TocEntry::id)
                .containsExactly("intro", "bayes-theorem", "intro-1", "why-x-matters");
        assertThat(body.html()).contains("<h2 id=\"bayes-theorem\">").contains("<h2 id=\"intro-1\">");
    }

    @Test
    void headingIdsDoNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            var body = renderer.render("## In code\n\n## TITLE I\n\nSee [below](#in-code).", 0);
            assertThat(body.toc()).extracting(TocEntry::id).containsExactly("in-code", "title-i");
            assertThat(body.html()).contains("<h2 id=\"in-code\">").contains("<h2 id=\"title-i\">");
            assertThat(body.problems()).isEmpty();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void crossLinksAreExtractedWithSectionLineAndContext() {
        var body = renderer.render("Lead.\n\n## Setup\n\nThe sum of exponentials normalises. See [softmax](softmax.md#temperature) for more. Next one.", 10);
        assertThat(body.links()).hasSize(1);
        var link = body.links().get(0);
        assertThat(link.targetSlug()).isEqualTo("softmax");
        assertThat(link.anchor()).isEqualTo("temperature");
        assertThat(link.sectionId()).isEqualTo("setup");
        assertThat(link.line()).isEqualTo(15);
        assertThat(link.contextText()).isEqualTo("See softmax for more.");
        assertThat(link.contextHtml()).isEqualTo("See <mark>softmax</mark> for more.");
    }

    @Test
    void relativeLinkToNonEssayIsAProblem() {
        assertThat(renderer.render("x\n\n[a](notes/a.txt)", 0).problems())
                .extracting(BodyProblem::line).containsExactly(3);
    }

    @Test
    void gfmTablesStrikethroughTasksAndFootnotesRender() {
        String out = html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n\nNote[^1].\n\n[^1]: The note.");
        assertThat(out).contains("<table>").contains("<del>old</del>").contains("type=\"checkbox\"")
                .contains("class=\"footnotes\"");
    }

    @Test
    void tableCellsAreSeparateProseBlocks() {
        String table = "| Physics | Machine learning |\n|---|---|\n| state $i$ | class |\n";
        assertThat(renderer.proseBlocks(table)).extracting(ProseBlock::text)
                .containsExactly("Physics", "Machine learning", "state i", "class");
        var body = renderer.render(table, 0);
        assertThat(body.plainText()).isEqualTo("Physics\n\nMachine learning\n\nstate i\n\nclass");
        assertThat(body.wordCount()).isEqualTo(5);
    }

    @Test
    void wordCountSkipsCodeAndMathAndReadingMinutesRoundUp() {
        var body = renderer.render("One two three $x + y$ four.\n\n```\nnot counted here\n```", 0);
        assertThat(body.wordCount()).isEqualTo(4);
        assertThat(body.readingMinutes()).isEqualTo(1);
    }

    @Test
    void sectionsKeepTheirFirstParagraph() {
        var body = renderer.render("Lead para.\n\n## Temperature\n\nFirst *para* here.\n\nSecond.", 0);
        assertThat(body.sections()).hasSize(2);
        assertThat(body.sections().get(1).id()).isEqualTo("temperature");
        assertThat(body.sections().get(1).firstParagraphText()).isEqualTo("First para here.");
        assertThat(body.sections().get(1).firstParagraphHtml()).isEqualTo("<p>First <em>para</em> here.</p>");
    }

    @Test
    void proseBlocksKnowHeadingsAndTheFileLineOfEveryOffset() {
        var blocks = renderer.proseBlocks("## Title\n\nOne `code` and\n[a link](other.md) and $x$\nthree.", 4);
        assertThat(blocks).extracting(ProseBlock::heading).containsExactly(true, false);
        assertThat(blocks.get(0).line()).isEqualTo(5);
        var para = blocks.get(1);
        assertThat(para.sectionId()).isEqualTo("title");
        assertThat(para.text()).isEqualTo("One code and a link and x three.");
        assertThat(para.lineAt(para.text().indexOf("One"))).isEqualTo(7);
        assertThat(para.lineAt(para.text().indexOf("a link"))).isEqualTo(8);
        assertThat(para.lineAt(para.text().indexOf("three"))).isEqualTo(9);
        assertThat(para.overlapsMarkup(4, 8)).isTrue();
        assertThat(para.overlapsMarkup(para.text().indexOf("a link"), para.text().indexOf("a link") + 1)).isTrue();
        assertThat(para.overlapsMarkup(0, 3)).isFalse();
    }

    @Test
    void tocTextKeepsCodeAndMathOfTheHeading() {
        var body = renderer.render("## The `softmax` and $x^2$ *today*", 0);
        assertThat(body.toc()).extracting(TocEntry::text).containsExactly("The softmax and x^2 today");
    }

    @Test
    void hyphenatedWordsAndDecimalsCountOnceAndPunctuationNotAtAll() {
        assertThat(renderer.render("State-of-the-art models, 3.5 times — faster!", 0).wordCount()).isEqualTo(5);
        assertThat(renderer.render("a\tb\nc", 0).wordCount()).isEqualTo(3);
    }

    @Test
    void readingTimeRoundsUpAt230WordsAMinute() {
        assertThat(renderer.render("word ".repeat(230), 0).readingMinutes()).isEqualTo(1);
        assertThat(renderer.render("word ".repeat(231), 0).readingMinutes()).isEqualTo(2);
    }

    @Test
    void relativeImagesMustBeAssetsAndDangerousOnesAreDropped() {
        var body = renderer.render("Intro\n\n![plot](https://example.com/p.png) and ![local](img/p.png) and "
                + "![bad](javascript:x)", 3);
        assertThat(body.html()).contains("src=\"https://example.com/p.png\"").doesNotContain("img/p.png")
                .doesNotContain("javascript");
        assertThat(body.problems()).extracting(BodyProblem::line, BodyProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(6, "image 'img/p.png' is not an asset: no assets are known here"),
                org.assertj.core.groups.Tuple.tuple(6, "image 'javascript:x' is neither an asset under assets/ nor an "
                        + "https URL, so no page could show it"));
        assertThat(renderer.render("![plain](http://example.com/p.png) ![inline](data:image/png;base64,AAAA)", 0)
                .problems()).extracting(BodyProblem::message).containsExactly(
                "image 'http://example.com/p.png' is neither an asset under assets/ nor an https URL, so no page could show it",
                "image 'data:image/png;base64,AAAA' is neither an asset under assets/ nor an https URL, so no page could show it");
    }

    @Test
    void codeBlocksAndHtmlBlocksReachThePlainTextButNotTheWordCount() {
        var body = renderer.render("Words here.\n\n    indented code\n\n<div>raw</div>\n\n```\nfenced\n```", 0);
        assertThat(body.plainText()).contains("Words here.").contains("indented code").contains("fenced");
        assertThat(body.wordCount()).isEqualTo(2);
    }

    @Test
    void anEmptyLeadIsNoSection() {
        var body = renderer.render("## First\n\nText.", 0);
        assertThat(body.sections()).extracting(RenderedBody.Section::id).containsExactly("first");
        var withLead = renderer.render("Lead.\n\n## First\n\nText.", 0);
        assertThat(withLead.sections()).extracting(RenderedBody.Section::id).containsExactly(null, "first");
        assertThat(withLead.sections().get(0).text()).isEqualTo("Lead.");
    }

    @Test
    void aSectionWithoutParagraphHasEmptyFirstParagraph() {
        var body = renderer.render("## Only code\n\n```\nx\n```", 0);
        assertThat(body.sections().get(0).firstParagraphText()).isEmpty();
        assertThat(body.sections().get(0).firstParagraphHtml()).isEmpty();
    }

    @Test
    void sectionTextsAreTheirHeadingAndBlocksAndTogetherThePlainText() {
        var body = renderer.render("Lead.\n\n## First\n\nText with `code`.\n\n```\nfenced\n```\n\n##\n\n"
                + "## Last\n\n- a\n- b\n", 0);
        assertThat(body.sections()).extracting(RenderedBody.Section::text)
                .containsExactly("Lead.", "First\n\nText with code.\n\nfenced", "", "Last\n\na\n\nb");
        assertThat(body.sections().get(1)).isEqualTo(new RenderedBody.Section("first", "First", "Text with code.",
                "<p>Text with <code>code</code>.</p>", "First\n\nText with code.\n\nfenced"));
    }

    @Test
    void aFirstParagraphsTextIsTheParagraphAsWrittenWithinItsSection() {
        var body = renderer.render("## One\n\nSome *text* here.\n\n## Two\n\nMore  \ntext.\n", 0);
        assertThat(body.sections()).extracting(RenderedBody.Section::firstParagraphText)
                .containsExactly("Some text here.", "More\ntext.");
        assertThat(body.sections()).allSatisfy(s -> assertThat(s.text()).contains(s.firstParagraphText()));
    }

    @Test
    void everyEssaysSectionTextsJoinedAreItsPlainText() throws java.io.IOException {
        var corpus = new io.essays.content.CorpusReader(renderer).read(java.nio.file.Path.of("content"));
        assertThat(corpus.essays()).hasSizeGreaterThan(10);
        for (var essay : corpus.essays()) {
            RenderedBody body = essay.rendered();
            assertThat(String.join("\n\n", body.sections().stream().map(RenderedBody.Section::text)
                    .filter(t -> !t.isEmpty()).toList())).as(essay.slug()).isEqualTo(body.plainText());
        }
    }

    @Test
    void everyEssaysFirstParagraphsAndProseBlocksStandAsTheyAreInItsHtmlAndPlainText() {
        var corpus = new io.essays.content.CorpusReader(renderer).read(java.nio.file.Path.of("content"));
        for (var essay : corpus.essays()) {
            RenderedBody body = essay.rendered();
            assertThat(body.sections()).as(essay.slug()).allSatisfy(s -> {
                assertThat(body.html()).contains(s.firstParagraphHtml());
                assertThat(s.text()).contains(s.firstParagraphText());
            });
            assertThat(body.blocks()).as(essay.slug()).allSatisfy(b -> assertThat(body.plainText()).contains(b.text()));
        }
    }

    @Test
    void aProseBlockIsAValueWhereverItsTextIsHeld() {
        var body = renderer.render("Some *text* with `code`.\n\n# Heading\n", 0);
        var copy = new ProseBlock(body.blocks().get(0).sectionId(), "Some text with code.", body.blocks().get(0).links(),
                body.blocks().get(0).masked(), false, 1, List.of());
        assertThat(body.blocks().get(0)).isEqualTo(copy).hasSameHashCodeAs(copy).hasToString(copy.toString());
        assertThat(body.blocks().get(1)).isNotEqualTo(copy);
    }

    // nesting: commonmark parses and renders nested blocks recursively, so depth is bounded before it parses

    private static int tooDeepAt(String body, int lineOffset) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(UnrenderableBodyException.class,
                () -> new MarkdownRenderer("/essays/{slug}").render(body, lineOffset)).line();
    }

    @Test
    void aBodyOfTensOfThousandsOfAngleBracketsIsRefusedAtTheLineWhereItPassesTheLimit() {
        // commonmark's inline parser takes time quadratic in them: 100 KB of '<' held an import for 16 s
        String body = "Intro with x < y.\n\n" + "<".repeat(6_000) + "\n" + "<".repeat(6_000) + "a\n";
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(UnrenderableBodyException.class,
                () -> new MarkdownRenderer("/essays/{slug}").render(body, 7));
        assertThat(refused.line()).isEqualTo(11);
        assertThat(refused).hasMessageStartingWith("more than 10000 '<' in one essay");
        // as many as the limit still render
        assertThat(new MarkdownRenderer("/essays/{slug}").render("`" + "<".repeat(9_999) + "`\n", 0).html())
                .startsWith("<p><code>&lt;&lt;");
    }

    @Test
    void fencedCodeCountsForNeitherLimit() {
        var renderer = new MarkdownRenderer("/essays/{slug}");
        String cpp = "```cpp\n" + "std::vector<std::vector<int>> v;\n".repeat(4_000) + "```\n";
        assertThat(renderer.render("Templates:\n\n" + cpp + "\nAfter.\n", 0).problems()).isEmpty();
        assertThat(renderer.render("~~~text\n" + ">".repeat(120) + "\n~~~\n", 0).html()).contains("&gt;&gt;&gt;");
        // the fence closes: what follows counts again
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(UnrenderableBodyException.class,
                () -> renderer.render("```\ncode\n```\n\n" + ">".repeat(120) + " deep\n", 3));
        assertThat(refused.line()).isEqualTo(8);
        // an inline code span that opens a line is no fence
        assertThat(MarkdownRenderer.refusal("```x``` and then\n" + ">".repeat(120) + "\n")).isNotNull();
    }

    @Test
    void aUriInProseIsTextButALinkWrittenToAnUnsafeSchemeIsAProblem() {
        var renderer = new MarkdownRenderer("/essays/{slug}");
        assertThat(renderer.render("Weights live at s3://bucket/key and ftp://example.org/x.\n", 0).problems()).isEmpty();
        assertThat(renderer.render("[weights](s3://bucket/key)\n", 0).problems()).extracting(BodyProblem::message)
                .containsExactly("link 's3://bucket/key' is never rendered: only http, https and mailto links, and links "
                        + "to other essays and headings, are kept");
        assertThat(renderer.render("![cdn](//cdn.example.org/p.png)\n", 0).problems()).isEmpty();
    }

    @Test
    void blockQuotesOrListsNestedBeyondTheLimitAreRefusedAtTheLineWhereTheyGoTooDeep() {
        assertThat(tooDeepAt("Intro.\n\n" + ">".repeat(3000) + " deep\n", 7)).isEqualTo(10);
        assertThat(tooDeepAt("- ".repeat(3000) + "x\n", 7)).isEqualTo(8);
        assertThat(tooDeepAt("> 1. ".repeat(60) + "x\n", 0)).isEqualTo(1);
        var indented = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            indented.append("  ".repeat(i)).append("- item\n");
        }
        assertThat(tooDeepAt(indented.toString(), 0)).isEqualTo(MarkdownRenderer.MAX_NESTING + 1);
        assertThat(catchThrowable(() -> renderer.render(">".repeat(3000), 0))).hasMessage(
                "Markdown nested too deeply to render: more than 100 levels of block quotes or lists");
    }

    @Test
    void nestingUpToTheLimitRenders() {
        String quotes = renderer.render(">".repeat(MarkdownRenderer.MAX_NESTING) + " deep", 0).html();
        assertThat(quotes.split("<blockquote>", -1)).hasSize(MarkdownRenderer.MAX_NESTING + 1);
        assertThat(quotes).contains("<p>deep</p>");
        var indented = new StringBuilder();
        for (int i = 0; i < MarkdownRenderer.MAX_NESTING; i++) {
            indented.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        }
        assertThat(renderer.render(indented.toString(), 0).html()).contains("item 99");
    }

    @Test
    void aLongThematicBreakIsNoNesting() {
        assertThat(html("Above\n\n" + "- ".repeat(300) + "\n\nBelow")).contains("<hr>");
        assertThat(html("* ".repeat(300))).isEqualTo("<hr>");
    }

    @Test
    void inlineNestingTooDeepForTheStackIsRefusedAtTheBodysFirstLine() throws InterruptedException {
        // strikethrough inside strikethrough: no line has block nesting, but parsing it recurses once per level. On a
        // thread with a small stack (a render thread has 1 MiB by default), so that it surely overflows
        String body = "Fine.\n\n" + "~~a ".repeat(20_000) + "x" + " b~~".repeat(20_000) + "\n";
        var line = new java.util.concurrent.atomic.AtomicInteger();
        var small = new Thread(null, () -> line.set(tooDeepAt(body, 7)), "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertThat(line.get()).isEqualTo(8);
        assertThat(renderer.render("Still fine after that: [a](b.md).", 0).links()).hasSize(1);
    }
}
