package io.essays.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.corpus.EssayBodies;
import io.essays.corpus.PackedHeadings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The snapshot {@link SnapshotLoader} reads with plain JDBC equals, field by field, what reading the same release
 * through the managed entities gives (the loader's former implementation, kept here as the reference).
 */
@QuarkusTest
class SnapshotLoaderTest {
    @Inject
    CorpusState state;
    @Inject
    SnapshotLoader loader;
    @Inject
    @org.eclipse.microprofile.health.Readiness
    io.essays.corpus.CorpusReadiness readiness;

    @Test
    void jdbcSnapshotEqualsTheEntityReadingFieldByField() {
        CorpusSnapshot loaded = state.current();
        CorpusSnapshot reference = QuarkusTransaction.requiringNew().call(() -> viaEntities(loaded));

        assertThat(loaded.essays()).isNotEmpty();
        assertThat(loaded.releaseId()).isEqualTo(reference.releaseId());
        assertThat(loaded.contentHash()).isEqualTo(reference.contentHash());
        assertThat(loaded.importedAt()).isEqualTo(reference.importedAt());
        assertThat(loaded.series()).containsExactlyElementsOf(reference.series());
        assertThat(loaded.essays()).containsExactlyElementsOf(reference.essays());
        assertThat(loaded.tags()).containsExactlyEntriesOf(reference.tags());
        for (CorpusSnapshot.EssayData essay : reference.essays()) {
            String slug = essay.slug();
            assertThat(loaded.incoming(slug)).as("incoming %s", slug).containsExactlyElementsOf(reference.incoming(slug));
            assertThat(loaded.mentions(slug)).as("mentions %s", slug).containsExactlyElementsOf(reference.mentions(slug));
            assertThat(loaded.related(slug)).as("related %s", slug).containsExactlyElementsOf(reference.related(slug));
        }
    }

    @Test
    void aNewerReleaseInAStorageFormatThisVersionCannotReadIsLeftAloneAndTheServedOneStays() {
        CorpusSnapshot served = state.current();
        long newer = served.releaseId() + 1;
        int format = CorpusRelease.STORAGE_FORMAT + 1;
        QuarkusTransaction.requiringNew().run(() -> Essay.getEntityManager().createNativeQuery("INSERT INTO "
                        + "corpus_release (id, content_hash, imported_at, series_count, essay_count, link_count, "
                        + "storage_format) VALUES (?1, 'from-a-newer-version', ?2, 0, 0, 0, ?3)")
                .setParameter(1, newer).setParameter(2, java.time.OffsetDateTime.parse("2026-12-01T00:00:00Z"))
                .setParameter(3, format).executeUpdate());
        try {
            assertThat(QuarkusTransaction.requiringNew().call(() -> loader.newer(served))).isNull();
            assertThat(QuarkusTransaction.requiringNew().call(() -> loader.newer(null))).as("a replica starting")
                    .isNull();
            assertThat(state.refresh()).isFalse();
            assertThat(state.current()).isSameAs(served);
            assertThat(state.newestUnreadable()).hasValueSatisfying(reason -> assertThat(reason).contains(
                    "release " + newer + " is stored in format " + format,
                    "this version reads formats up to " + CorpusRelease.STORAGE_FORMAT));
            assertThat(readiness.call().getStatus()).as("still serving").isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(readiness.call().getData()).hasValueSatisfying(
                    data -> assertThat(data.get("newestRelease")).asString().contains("release " + newer));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Essay.getEntityManager()
                    .createNativeQuery("DELETE FROM corpus_release WHERE id = ?1").setParameter(1, newer)
                    .executeUpdate());
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> loader.newer(served))).isNull();
        assertThat(state.newestUnreadable()).isEmpty();
    }

    @Test
    void anEssayRowWrittenBeforeV12LoadsAsTheSameEssay() {
        CorpusSnapshot.EssayData withMath = state.current().essays().stream()
                .filter(e -> !e.htmlTex().equals(e.html()) && !e.headings().isEmpty()).findFirst().orElseThrow();
        String slug = withMath.slug();
        Essay stored = QuarkusTransaction.requiringNew().call(() -> Essay.<Essay>findById(slug));
        QuarkusTransaction.requiringNew().run(() -> {
            Essay row = Essay.findById(slug);
            row.source = withMath.source();
            row.html = withMath.html();
            row.htmlTex = withMath.htmlTex();
            row.plainText = withMath.plainText();
            row.packedSource = row.packedHtml = row.packedHtmlTex = row.packedPlainText = null;
        });
        try {
            CorpusSnapshot legacy = QuarkusTransaction.requiringNew().call(() -> loader.newer(null));
            // field by field: a fresh load reads the images' bytes into new arrays, which equals() compares by identity
            assertThat(legacy.essay(slug)).usingRecursiveComparison().isEqualTo(withMath);
            assertThat(legacy.essay(slug).htmlTex()).isEqualTo(withMath.htmlTex()).isNotEqualTo(withMath.html());
            assertThat(legacy.essay(slug).headings()).containsExactlyElementsOf(withMath.headings());
            assertThat(legacy.essays()).extracting(CorpusSnapshot.EssayData::slug, CorpusSnapshot.EssayData::html,
                    CorpusSnapshot.EssayData::htmlTex).containsExactlyElementsOf(state.current().essays().stream()
                    .map(e -> org.assertj.core.groups.Tuple.tuple(e.slug(), e.html(), e.htmlTex())).toList());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                Essay row = Essay.findById(slug);
                row.source = row.html = row.htmlTex = row.plainText = null;
                row.packedSource = stored.packedSource;
                row.packedHtml = stored.packedHtml;
                row.packedHtmlTex = stored.packedHtmlTex;
                row.packedPlainText = stored.packedPlainText;
            });
        }
    }

    @Test
    void headingsWrittenAsRowsBeforeV13LoadAsTheSameHeadings() {
        CorpusSnapshot.EssayData withHeadings = state.current().essays().stream()
                .max(java.util.Comparator.comparingInt(e -> e.headings().size())).orElseThrow();
        assertThat(withHeadings.headings()).hasSizeGreaterThan(1);
        String slug = withHeadings.slug();
        byte[] packed = QuarkusTransaction.requiringNew().call(() -> Essay.<Essay>findById(slug).packedHeadings);
        assertThat(packed).as("the import packs headings").isNotNull();
        QuarkusTransaction.requiringNew().run(() -> {
            Essay.<Essay>findById(slug).packedHeadings = null;
            List<CorpusSnapshot.HeadingData> headings = withHeadings.headings();
            for (int i = 0; i < headings.size(); i++) {
                CorpusSnapshot.HeadingData h = headings.get(i);
                var row = new EssayHeading();
                row.essay = slug;
                row.position = i;
                row.level = h.level();
                row.anchor = h.id();
                row.text = h.text();
                row.firstParagraphText = h.firstParagraphText();
                row.firstParagraphHtml = h.firstParagraphHtml();
                row.sectionText = h.sectionText();
                row.persist();
            }
        });
        try {
            CorpusSnapshot legacy = QuarkusTransaction.requiringNew().call(() -> loader.newer(null));
            // field by field, the sections' ranges included: the rows are placed in the plain text where the import
            // placed the packed headings
            assertThat(legacy.essay(slug)).usingRecursiveComparison().isEqualTo(withHeadings);
            assertThat(legacy.essay(slug).headings()).containsExactlyElementsOf(withHeadings.headings());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                EssayHeading.delete("essay", slug);
                Essay.<Essay>findById(slug).packedHeadings = packed;
            });
        }
    }

    @Test
    void slugsRepeatedAcrossRowsAreOneInstance() {
        CorpusSnapshot snapshot = state.current();
        var link = snapshot.essays().stream().flatMap(e -> e.outgoing().stream()).findFirst().orElseThrow();
        assertThat(link.source()).isSameAs(snapshot.essay(link.source()).slug());
        assertThat(link.target()).isSameAs(snapshot.essay(link.target()).slug());
    }

    /** The release as the entity-based loader read it; assets are taken from {@code loaded} (read the same way). */
    private static CorpusSnapshot viaEntities(CorpusSnapshot loaded) {
        CorpusRelease release = CorpusRelease.latest();
        Map<String, List<String>> tags = grouped(EssayTag.<EssayTag>find("order by essay, position").list(), t -> t.essay, t -> t.tag);
        Map<String, List<String>> aliases = grouped(EssayAlias.<EssayAlias>find("order by essay, position").list(), a -> a.essay, a -> a.alias);
        Map<String, List<CorpusSnapshot.HeadingData>> headings = grouped(
                EssayHeading.<EssayHeading>find("order by essay, position").list(), h -> h.essay,
                h -> new CorpusSnapshot.HeadingData(h.level, h.anchor, h.text, h.firstParagraphText, h.firstParagraphHtml,
                        h.sectionText));
        Map<String, List<CorpusSnapshot.LinkData>> outgoing = grouped(
                EssayLink.<EssayLink>find("order by source, position").list(), l -> l.source,
                l -> new CorpusSnapshot.LinkData(l.source, l.position, l.target, l.anchor, l.text, l.sectionId, l.line,
                        l.contextText, l.contextHtml));
        Map<String, List<CorpusSnapshot.MentionData>> mentions = grouped(
                EssayMention.<EssayMention>find("order by essay, position").list(), m -> m.essay,
                m -> new CorpusSnapshot.MentionData(m.essay, m.position, m.source, m.term, m.text, m.sectionId, m.line,
                        m.contextText, m.contextHtml));
        Map<String, List<CorpusSnapshot.RelatedData>> related = new java.util.HashMap<>();
        EssayRelated.<EssayRelated>listAll().forEach(r -> related.put(r.essay, RelatedEntries.decode(r.essay, r.entries,
                s -> s)));
        Map<String, CorpusSnapshot.AssetData> assets = loaded.assets();
        Map<String, List<CorpusSnapshot.AssetUseData>> assetUses = grouped(
                AssetUse.<AssetUse>find("order by essay, position").list(), u -> u.essay,
                u -> new CorpusSnapshot.AssetUseData(assets.get(u.path), u.url, u.alt, u.caption));

        List<Series> seriesRows = Series.<Series>find("order by order").list();
        Map<String, List<CorpusSnapshot.EssayData>> bySeries = new LinkedHashMap<>();
        seriesRows.forEach(s -> bySeries.put(s.slug, new ArrayList<>()));
        for (Essay e : Essay.<Essay>find("order by series, order").list()) {
            EssayBodies bodies = EssayBodies.stored(e.packedSource, e.packedHtml, e.packedHtmlTex, e.packedPlainText);
            bySeries.get(e.series).add(new CorpusSnapshot.EssayData(e.slug, e.title, e.series, e.order, e.summary,
                    tags.getOrDefault(e.slug, List.of()), aliases.getOrDefault(e.slug, List.of()), e.published,
                    e.updated, e.wordCount, e.readingMinutes, bodies, e.leadText,
                    e.packedHeadings != null ? PackedHeadings.stored(e.packedHeadings, bodies.plainText())
                            : headings.getOrDefault(e.slug, List.of()),
                    outgoing.getOrDefault(e.slug, List.of()), assetUses.getOrDefault(e.slug, List.of())));
        }
        var series = new ArrayList<CorpusSnapshot.SeriesData>();
        var essays = new ArrayList<CorpusSnapshot.EssayData>();
        for (Series s : seriesRows) {
            List<CorpusSnapshot.EssayData> members = List.copyOf(bySeries.get(s.slug));
            series.add(new CorpusSnapshot.SeriesData(s.slug, s.title, s.description, s.order, members));
            essays.addAll(members);
        }
        var incoming = new HashMap<String, List<CorpusSnapshot.LinkData>>();
        var tagCounts = new TreeMap<String, Integer>();
        for (CorpusSnapshot.EssayData e : essays) {
            for (CorpusSnapshot.LinkData link : e.outgoing()) {
                incoming.computeIfAbsent(link.target(), k -> new ArrayList<>()).add(link);
            }
            e.tags().forEach(t -> tagCounts.merge(t, 1, Integer::sum));
        }
        return new CorpusSnapshot(release.id, release.contentHash, release.importedAt.toInstant(), series, essays,
                incoming, mentions, related, tagCounts, assets, 1024);
    }

    private static <R, V> Map<String, List<V>> grouped(List<R> rows, Function<R, String> key, Function<R, V> value) {
        var map = new HashMap<String, List<V>>();
        for (R row : rows) {
            map.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(value.apply(row));
        }
        return map;
    }
}
