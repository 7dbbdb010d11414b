package io.essays.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The formula scan that feeds {@link MathRenderer#prepare} parses without source spans and autolinks, and finds the
 * same formulas, in the same order, as the body parsed for rendering: over every Markdown file of the corpus and the
 * test fixtures, and over the places where math meets tables, footnotes, links, URLs, code and escapes.
 */
class FormulaScanTest {
    private static final List<String> EDGES = List.of(
            "| a | $x \\| y$ |\n|---|---|\n| $p_i$ | `$not$` |\n",
            "Text[^n] and $f$.\n\n[^n]: A note with $g^2$ and www.example.org/$h$ in it.\n",
            "See https://example.org/$a$ and www.example.com$b$ and <https://x.org/$c$> and $d$.\n",
            "[link with $e$](https://example.org) and ![alt $i$](x.png) and \\$not$ and $$\\sum_j$$ inline.\n",
            "## Heading with $h_1$\n\n$$\nz = \\frac{1}{2}\n$$\n\n```\n$code$\n```\n\n    $indented$\n",
            "- [x] task $t$\n- item ~~$s$~~ and *$em$*\n\n> quoted $q$\n",
            "$$\nunterminated\n");

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer("/essays/{slug}");

    @Test
    void theScanFindsWhatTheRenderingParseFindsInEveryCorpusAndFixtureFile() throws IOException {
        List<Path> files;
        try (Stream<Path> corpus = Files.walk(Path.of("content"));
             Stream<Path> fixtures = Files.walk(Path.of("src/test/resources"))) {
            files = Stream.concat(corpus, fixtures).filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        long withMath = 0;
        for (Path file : files) {
            String body = read(file);
            assertThat(RENDERER.formulas(body)).as(file.toString())
                    .containsExactlyElementsOf(RENDERER.formulasParsedForRendering(body));
            withMath += RENDERER.formulas(body).isEmpty() ? 0 : 1;
        }
        assertThat(withMath).as("files with math").isGreaterThan(10);
    }

    @Test
    void theScanFindsWhatTheRenderingParseFindsWhereMathMeetsOtherSyntax() {
        for (String body : EDGES) {
            assertThat(RENDERER.formulas(body)).as(body)
                    .containsExactlyElementsOf(RENDERER.formulasParsedForRendering(body));
        }
        assertThat(RENDERER.formulas(EDGES.get(0)))
                .containsExactly(new Formula("x | y", false), new Formula("p_i", false));
        assertThat(RENDERER.formulas(EDGES.get(2))).extracting(Formula::tex).contains("d");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
