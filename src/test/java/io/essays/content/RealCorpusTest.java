package io.essays.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.essays.markdown.ExtractedLink;
import io.essays.markdown.MarkdownRenderer;
import io.essays.markdown.TocEntry;

/** The real content/ directory: any problem in it fails the build, so a broken essay can never land. */
class RealCorpusTest {
    private static Corpus corpus;

    @BeforeAll
    static void read() {
        corpus = new CorpusReader(new MarkdownRenderer("/essays/{slug}")).read(Path.of("content"));
    }

    @Test
    void realCorpusHasNoProblems() {
        assertThat(corpus.series()).extracting(SeriesSource::slug)
                .containsExactly("foundations", "hardware-and-compute", "transformer-architectures");
    }

    @Test
    void anImportRecognisesTheUnchangedRealCorpusFromItsFilesAlone() {
        assertThat(CorpusReader.contentHash(Path.of("content"))).contains(corpus.contentHash());
    }

    @Test
    void everySeriesIsPopulatedInTheExpectedReadingOrder() {
        assertThat(corpus.essays()).extracting(EssaySource::slug).containsExactly(
                "neural-networks-refresher", "softmax", "boltzmann-distribution", "cross-entropy",
                "probability-concepts", "statistics-and-inference",
                "mps-metal-mlx-cuda",
                "attention-is-all-you-need", "after-the-transformer", "gpt-decoder-only", "rlhf-and-alignment",
                "modern-transformer-anatomy");
    }

    @Test
    void everyEssayMeetsTheCorpusStandard() {
        for (EssaySource e : corpus.essays()) {
            List<ExtractedLink> external = e.rendered().links().stream()
                    .filter(l -> !l.targetSlug().equals(e.slug())).toList();
            assertThat(external.stream().map(ExtractedLink::targetSlug).distinct().count())
                    .as("%s links to at least 4 other essays", e.slug()).isGreaterThanOrEqualTo(4);
            assertThat(external).as("%s links to a heading anchor", e.slug()).anyMatch(l -> l.anchor() != null);
            // the body: what follows the front matter's closing line
            String body = e.source().substring(e.source().indexOf("\n---\n", 3) + "\n---\n".length());
            int words = body.split("\\s+").length;
            assertThat(words).as("%s body words", e.slug()).isBetween(2500, 6000);
            assertThat(e.rendered().toc()).extracting(TocEntry::text).as("%s has sources", e.slug())
                    .contains("Further reading");
        }
    }

    @Test
    void everyEssayIsIllustratedWithCaptionedSvgFigures() {
        int figures = 0;
        for (EssaySource e : corpus.essays()) {
            var images = e.rendered().images();
            assertThat(images).as("%s has at least two figures", e.slug()).hasSizeGreaterThanOrEqualTo(2);
            for (var image : images) {
                assertThat(image.asset().mediaType()).as(image.url()).isEqualTo("image/svg+xml");
                assertThat(image.alt()).as("%s:%d alt text", e.slug(), image.line()).hasSizeGreaterThan(40);
                assertThat(image.caption()).as("%s:%d caption", e.slug(), image.line()).isNotBlank();
                assertThat(image.asset().bytes()).as("%s is small", image.url()).isLessThan(80 * 1024);
            }
            figures += images.size();
        }
        assertThat(figures).as("figures in the corpus").isGreaterThanOrEqualTo(30);
        assertThat(corpus.warnings()).as("every asset is used, no SVG needed sanitizing").isEmpty();
    }

    @Test
    void publishedDatesFollowTheSeriesHistory() {
        var bySlug = corpus.essays().stream().collect(java.util.stream.Collectors.toMap(EssaySource::slug, e -> e));
        List<String> chronological = List.of("neural-networks-refresher", "softmax", "boltzmann-distribution",
                "cross-entropy", "probability-concepts", "statistics-and-inference", "attention-is-all-you-need",
                "after-the-transformer", "gpt-decoder-only", "rlhf-and-alignment", "modern-transformer-anatomy",
                "mps-metal-mlx-cuda");
        for (int i = 1; i < chronological.size(); i++) {
            assertThat(bySlug.get(chronological.get(i)).published())
                    .isAfter(bySlug.get(chronological.get(i - 1)).published());
        }
    }
}
