package io.essays.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.essays.content.Corpus;
import io.essays.content.CorpusReader;
import io.essays.content.EssaySource;
import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.EssayBodies;
import io.essays.corpus.PackedHeadings;
import io.essays.corpus.PackedText;
import io.essays.importer.ImportService;
import io.essays.links.LinkAnalysis;
import io.essays.markdown.MarkdownRenderer;
import io.essays.markdown.RenderedBody;
import io.essays.markdown.TocEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * What {@link CorpusWriter} writes with plain JDBC (batches on H2, COPY on PostgreSQL) reads back through the entities
 * exactly as the corpus and its analysis hold it: every column of every essay and child row, nulls and multi-line
 * text included. It writes releases into the database the other tests of its profile are served from, so after each
 * test the fixture is imported again: the newest release is then a real import of it, and the one being served.
 */
@QuarkusTest
class CorpusWriterRoundTripTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixture");
    @Inject
    CorpusWriter writer;

    @Inject
    EntityManager em;

    @Inject
    ImportService imports;

    @AfterEach
    void serveTheFixtureAgain() {
        imports.importFrom(FIXTURE);
    }

    @Test
    void everyColumnOfEveryEssayAndChildRowReadsBackAsWritten() {
        Corpus corpus = new CorpusReader(new MarkdownRenderer("/essays/{slug}")).read(FIXTURE);
        LinkAnalysis analysis = LinkAnalysis.of(corpus);
        var result = writer.write(new CorpusWriter.Pending(corpus, analysis), "round-trip-" + System.nanoTime());
        assertThat(result.changed()).isTrue();

        var essays = new ArrayList<List<Object>>();
        var tags = new ArrayList<List<Object>>();
        var aliases = new ArrayList<List<Object>>();
        var images = new ArrayList<List<Object>>();
        var headings = new ArrayList<List<Object>>();
        var links = new ArrayList<List<Object>>();
        var mentions = new ArrayList<List<Object>>();
        var related = new ArrayList<List<Object>>();
        for (EssaySource e : corpus.essays().stream().sorted(java.util.Comparator.comparing(EssaySource::slug)).toList()) {
            RenderedBody body = e.rendered();
            essays.add(row(e.slug(), e.series(), e.order(), e.title(), e.summary(), e.published(), e.updated(),
                    body.wordCount(), body.readingMinutes(), e.source(), body.html(), body.htmlTex(), body.plainText(),
                    body.sections().stream().filter(s -> s.id() == null).findFirst().map(RenderedBody.Section::text)
                            .orElse("")));
            for (int i = 0; i < e.tags().size(); i++) {
                tags.add(row(e.slug(), i, e.tags().get(i)));
            }
            for (int i = 0; i < e.aliases().size(); i++) {
                aliases.add(row(e.slug(), i, e.aliases().get(i)));
            }
            for (int i = 0; i < body.images().size(); i++) {
                var image = body.images().get(i);
                images.add(row(e.slug(), i, image.asset().path(), image.url(), image.alt(), image.caption(), image.line()));
            }
            for (int i = 0; i < body.toc().size(); i++) {
                TocEntry toc = body.toc().get(i);
                var section = body.sections().stream().filter(s -> toc.id().equals(s.id())).findFirst().orElseThrow();
                headings.add(row(e.slug(), new CorpusSnapshot.HeadingData(toc.level(), toc.id(), toc.text(),
                        section.firstParagraphText(), section.firstParagraphHtml(), section.text())));
            }
            var crossLinks = analysis.crossLinks(e.slug());
            for (int i = 0; i < crossLinks.size(); i++) {
                var l = crossLinks.get(i);
                links.add(row(e.slug(), i, l.targetSlug(), l.anchor(), l.text(), l.sectionId(), l.line(), l.contextText(),
                        l.contextHtml()));
            }
            var found = analysis.mentions(e.slug());
            for (int i = 0; i < found.size(); i++) {
                var m = found.get(i);
                mentions.add(row(m.essay(), i, m.source(), m.term(), m.text(), m.sectionId(), m.line(), m.contextText(),
                        m.contextHtml()));
            }
            analysis.related(e.slug()).forEach(r -> related.add(row(r.essay(), r.rank(), r.related(), r.score(),
                    r.reasons().encode())));
        }
        assertThat(images).as("the fixture exercises images").isNotEmpty();
        assertThat(links).as("the fixture exercises links with and without anchors")
                .anyMatch(l -> l.get(3) == null).anyMatch(l -> l.get(3) != null);
        assertThat(essays).as("multi-line text").anyMatch(e -> ((String) e.get(9)).contains("\n"));

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(rows("from Essay order by slug", Essay.class, e -> {
                EssayBodies bodies = EssayBodies.stored(e.packedSource, e.packedHtml, e.packedHtmlTex, e.packedPlainText);
                return row(e.slug, e.series, e.order, e.title, e.summary, e.published, e.updated, e.wordCount,
                        e.readingMinutes, bodies.source().text(), bodies.html().text(), bodies.htmlTex().text(),
                        bodies.plainText().text(), e.leadText);
            })).isEqualTo(essays);
            assertThat(rows("from Essay order by slug", Essay.class, e -> row(e.source, e.html, e.htmlTex, e.plainText)))
                    .as("the text columns before V12 stay empty").containsOnly(java.util.Arrays.asList(null, null, null, null));
            assertThat(rows("from Essay order by slug", Essay.class, e -> row(e.packedHtmlTex == null)))
                    .as("the TeX variant is stored only for essays with math")
                    .isEqualTo(essays.stream().map(e -> row(e.get(10).equals(e.get(11)))).toList());
            assertThat(rows("from EssayTag order by essay, position", EssayTag.class,
                    t -> row(t.essay, t.position, t.tag))).isEqualTo(tags);
            assertThat(rows("from EssayAlias order by essay, position", EssayAlias.class,
                    a -> row(a.essay, a.position, a.alias))).isEqualTo(aliases);
            assertThat(rows("from AssetUse order by essay, position", AssetUse.class,
                    u -> row(u.essay, u.position, u.path, u.url, u.alt, u.caption, u.line))).isEqualTo(images);
            assertThat(em.createQuery("from Essay order by slug", Essay.class).getResultList().stream()
                    .flatMap(e -> PackedHeadings.stored(e.packedHeadings, PackedText.stored(e.packedPlainText, null))
                            .stream().map(h -> row(e.slug, h))).toList())
                    .as("headings are packed in the essay row (V13)").isEqualTo(headings);
            assertThat(headings).as("the fixture exercises headings").isNotEmpty();
            assertThat(rows("from Essay order by slug", Essay.class, e -> row(PackedText.stored(e.packedHeadings, null)
                    .text()))).as("sections are stored as ranges of the plain text, not copies")
                    .noneMatch(r -> headings.stream().map(h -> ((CorpusSnapshot.HeadingData) h.get(1)).sectionText())
                            .filter(t -> t.length() > 40).anyMatch(t -> ((String) r.get(0)).contains(t)));
            assertThat(em.createQuery("select count(*) from EssayHeading", Long.class).getSingleResult())
                    .as("no heading rows since V13").isZero();
            assertThat(rows("from EssayLink order by source, position", EssayLink.class,
                    l -> row(l.source, l.position, l.target, l.anchor, l.text, l.sectionId, l.line, l.contextText,
                            l.contextHtml))).isEqualTo(links);
            assertThat(rows("from EssayMention order by essay, position", EssayMention.class,
                    m -> row(m.essay, m.position, m.source, m.term, m.text, m.sectionId, m.line, m.contextText,
                            m.contextHtml))).isEqualTo(mentions);
            assertThat(em.createQuery("from EssayRelated order by essay", EssayRelated.class).getResultList().stream()
                    .flatMap(r -> RelatedEntries.decode(r.essay, r.entries, s -> s).stream())
                    .map(r -> row(r.essay(), r.rank(), r.related(), r.score(), r.reasons())).toList())
                    .isEqualTo(related);
            CorpusRelease release = CorpusRelease.latest();
            assertThat(release.id).isEqualTo(result.releaseId());
            assertThat(release.linkCount).isEqualTo(links.size());
        });
    }

    @Test
    void aPendingCorpusIsWrittenOnceAndHeldByNothingAfterwards() {
        Corpus corpus = new CorpusReader(new MarkdownRenderer("/essays/{slug}"))
                .read(FIXTURE);
        var pending = new CorpusWriter.Pending(corpus, LinkAnalysis.of(corpus));
        long written = writer.write(pending, "once-" + System.nanoTime()).releaseId();
        assertThatThrownBy(() -> writer.write(pending, "twice-" + System.nanoTime()))
                .as("the writer let the corpus go").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handed to the writer already");
        assertThat(QuarkusTransaction.requiringNew().call(() -> CorpusRelease.latest().id))
                .as("the second write changed nothing").isEqualTo(written);
        assertThat(corpus.essays()).as("the caller's corpus is left as it was").hasSize(3)
                .allSatisfy(e -> assertThat(e.rendered().html()).isNotEmpty());

        var unchanged = new CorpusWriter.Pending(corpus, LinkAnalysis.of(corpus));
        String hash = QuarkusTransaction.requiringNew().call(() -> CorpusRelease.latest().contentHash);
        assertThat(writer.write(unchanged, hash).changed()).isFalse();
        assertThatThrownBy(() -> writer.write(unchanged, "other-" + System.nanoTime()))
                .as("an unchanged write lets it go too").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReleaseInAStorageFormatNewerThanThisVersionsIsNeverReplaced() {
        Corpus corpus = new CorpusReader(new MarkdownRenderer("/essays/{slug}"))
                .read(FIXTURE);
        LinkAnalysis analysis = LinkAnalysis.of(corpus);
        long written = writer.write(new CorpusWriter.Pending(corpus, analysis), "before-" + System.nanoTime()).releaseId();
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> CorpusRelease.<CorpusRelease>findById(written).storageFormat))
                .as("what this version writes").isEqualTo(CorpusRelease.STORAGE_FORMAT);
        long newer = written + 1;
        int format = CorpusRelease.STORAGE_FORMAT + 1;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO corpus_release (id, "
                        + "content_hash, imported_at, series_count, essay_count, link_count, storage_format) "
                        + "VALUES (?1, 'from-a-newer-version', ?2, 0, 0, 0, ?3)").setParameter(1, newer)
                .setParameter(2, java.time.OffsetDateTime.parse("2026-12-01T00:00:00Z")).setParameter(3, format)
                .executeUpdate());
        try {
            String reason = "release " + newer + " is stored in format " + format;
            assertThatThrownBy(() -> writer.write(new CorpusWriter.Pending(corpus, analysis), "after-" + System.nanoTime()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(reason).hasMessageContaining("does not replace it: update this replica");
            assertThatThrownBy(() -> writer.newest()).as("an import refuses before it renders")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(reason);
            QuarkusTransaction.requiringNew().run(() -> {
                assertThat(CorpusRelease.latest().id).isEqualTo(newer);
                assertThat(em.createQuery("select count(*) from Essay", Long.class).getSingleResult())
                        .isEqualTo(corpus.essays().size());
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM corpus_release WHERE id = ?1")
                    .setParameter(1, newer).executeUpdate());
        }
    }

    @Test
    void copyTextEscapesBackslashesTabsAndLineBreaks() {
        var out = new StringBuilder();
        BulkRows.escape("a\\b\tc\nd\re \\N", out);
        assertThat(out).hasToString("a\\\\b\\tc\\nd\\re \\\\N");
    }

    private <T> List<List<Object>> rows(String query, Class<T> type, Function<T, List<Object>> columns) {
        return em.createQuery(query, type).getResultList().stream().map(columns).toList();
    }

    /** A row as a list that may hold nulls. */
    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
