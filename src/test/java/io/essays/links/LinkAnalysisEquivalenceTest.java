package io.essays.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.essays.content.Corpus;
import io.essays.content.CorpusReader;
import io.essays.content.EssaySource;
import io.essays.markdown.MarkdownRenderer;

/**
 * The fast {@link LinkAnalysis} finds exactly what the straightforward {@link ReferenceLinkAnalysis} finds: the same
 * cross-links, mentions and related essays, in the same order, on the real corpus and on a generated one where
 * popular tags give every essay hundreds of candidates and titles share words, some of them beyond ASCII.
 */
class LinkAnalysisEquivalenceTest {
    private static final String[] WORDS = {"softmax", "entropy", "attention", "gradient", "kernel", "bayes'",
            "tensor", "layer", "norm", "cross", "loss", "vector", "adam", "rotary", "token", "decoder",
            // beyond ASCII: a first letter, a later letter, and a Kelvin sign that lower-cases to an ASCII k
            "énergie", "Über", "naïve", "\u212Aelvin", "kelvin"};
    private static final String[] TAGS = {"maths", "training", "hardware", "theory", "history", "practice"};

    @TempDir
    Path dir;

    @Test
    void realCorpusAnalysisEqualsTheReference() {
        assertSameAnalysis(new CorpusReader(new MarkdownRenderer("/essays/{slug}")).read(Path.of("content")));
    }

    @Test
    void generatedCorpusWithPopularTagsAndSharedTitleWordsEqualsTheReference() throws IOException {
        assertSameAnalysis(generated(new Random(16), 3, 60));
    }

    private static void assertSameAnalysis(Corpus corpus) {
        LinkAnalysis fast = LinkAnalysis.of(corpus);
        ReferenceLinkAnalysis reference = ReferenceLinkAnalysis.of(corpus);
        int related = 0;
        int mentions = 0;
        for (EssaySource e : corpus.essays()) {
            String slug = e.slug();
            assertThat(fast.crossLinks(slug)).as("links of %s", slug).isEqualTo(reference.crossLinks(slug));
            assertThat(fast.mentions(slug)).as("mentions of %s", slug)
                    .extracting(m -> List.of(m.essay(), m.source(), m.term(), m.text(), String.valueOf(m.sectionId()),
                            m.line(), m.contextText(), m.contextHtml()))
                    .isEqualTo(reference.mentions(slug).stream()
                            .map(m -> List.of(m.essay(), m.source(), m.term(), m.text(), String.valueOf(m.sectionId()),
                                    m.line(), m.contextText(), m.contextHtml())).toList());
            assertThat(fast.related(slug)).as("related to %s", slug)
                    .extracting(r -> List.of(r.essay(), r.related(), r.rank(), r.score(), r.reasons()))
                    .isEqualTo(reference.related(slug).stream()
                            .map(r -> List.of(r.essay(), r.related(), r.rank(), r.score(), r.reasons())).toList());
            related += fast.related(slug).size();
            mentions += fast.mentions(slug).size();
        }
        assertThat(related).as("related pairs").isPositive();
        assertThat(mentions).as("mentions").isPositive();
    }

    /** {@code series} series of {@code perSeries} essays with random titles, aliases, tags, links and mentions. */
    private Corpus generated(Random random, int series, int perSeries) throws IOException {
        Files.createDirectories(dir.resolve("series"));
        Files.createDirectories(dir.resolve("essays"));
        var slugs = new ArrayList<String>();
        var titles = new ArrayList<String>();
        for (int s = 1; s <= series; s++) {
            Files.writeString(dir.resolve("series/s" + s + ".yaml"),
                    "title: Series " + s + "\ndescription: Series number " + s + ".\norder: " + s + "\n");
            for (int o = 1; o <= perSeries; o++) {
                String title = words(random, 1 + random.nextInt(3));
                slugs.add("e" + s + "-" + o + "-" + title.replaceAll("[^a-z]+", "-").replaceAll("^-+|-+$", ""));
                titles.add(title);
            }
        }
        for (int i = 0; i < slugs.size(); i++) {
            var tags = new LinkedHashSet<String>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add(TAGS[random.nextInt(TAGS.length)]);
            }
            var body = new StringBuilder();
            for (int section = 0; section < 3; section++) {
                body.append("## ").append(words(random, 2)).append(" ").append(section).append("\n\n");
                for (int sentence = 0; sentence < 6; sentence++) {
                    int other = random.nextInt(slugs.size());
                    switch (random.nextInt(5)) {
                        case 0 -> body.append("See [").append(titles.get(other)).append("](").append(slugs.get(other))
                                .append(".md) for ").append(words(random, 2)).append(". ");
                        case 1 -> body.append("Unlike ").append(titles.get(other).toUpperCase(java.util.Locale.ROOT))
                                .append(", the ").append(words(random, 3)).append(" holds.\n");
                        case 2 -> body.append("A `").append(titles.get(other)).append("` call and ")
                                .append(words(random, 4)).append(". ");
                        default -> body.append(words(random, 5)).append(" ").append(titles.get(other))
                                .append(" ").append(words(random, 2)).append(". ");
                    }
                }
                body.append("\n\n");
            }
            int series0 = i / perSeries + 1;
            Files.writeString(dir.resolve("essays/" + slugs.get(i) + ".md"), "---\ntitle: \"" + titles.get(i)
                    + "\"\nseries: s" + series0 + "\norder: " + (i % perSeries + 1) + "\nsummary: About "
                    + titles.get(i) + ".\ntags: [" + String.join(", ", tags) + "]\naliases: [\"" + words(random, 2)
                    + "\"]\npublished: 2024-01-01\n---\n\n" + body);
        }
        return new CorpusReader(new MarkdownRenderer("/essays/{slug}")).read(dir);
    }

    private static String words(Random random, int count) {
        var result = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            result.add(WORDS[random.nextInt(WORDS.length)]);
        }
        return String.join(" ", result);
    }
}
