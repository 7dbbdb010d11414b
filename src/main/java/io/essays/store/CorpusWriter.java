package io.essays.store;

import static io.essays.store.BulkRows.Column.bytes;
import static io.essays.store.BulkRows.Column.date;
import static io.essays.store.BulkRows.Column.integer;
import static io.essays.store.BulkRows.Column.text;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.essays.content.AssetSource;
import io.essays.content.Corpus;
import io.essays.content.EssaySource;
import io.essays.content.SeriesSource;
import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.EssayBodies;
import io.essays.corpus.PackedHeadings;
import io.essays.corpus.PackedText;
import io.essays.links.LinkAnalysis;
import io.essays.markdown.ExtractedLink;
import io.essays.markdown.ImageUse;
import io.essays.markdown.RenderedBody;
import io.essays.markdown.TocEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.jboss.logging.Logger;

/** Writes a validated corpus into the database in one transaction and records it as a new release. */
@ApplicationScoped
public class CorpusWriter {
    private static final Logger LOG = Logger.getLogger(CorpusWriter.class);
    private static final int FLUSH_EVERY = 5000;
    /** Essays whose texts are packed together before they are written. */
    private static final int PACK_SLICE = 256;

    private final EntityManager em;
    private final Clock clock;
    private int persisted;

    CorpusWriter(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * When a new release is recorded as imported: now, to the second (HTTP dates have no more), but at least one
     * second after the previous release, so that {@code Last-Modified} strictly increases from one release to the
     * next even for two imports within one second or after the clock stepped back.
     */
    static Instant releaseTime(Instant previous, Instant now) {
        Instant time = now.truncatedTo(ChronoUnit.SECONDS);
        if (previous != null) {
            Instant next = previous.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            if (next.isAfter(time)) {
                time = next;
            }
        }
        return time;
    }

    /**
     * A corpus and its link analysis on their way into the database, for {@link #write} alone. The writer takes the
     * essays from here and lets each go once its rows are written, so that, when the caller keeps nothing else of the
     * corpus, the rendered essays leave the heap while the rest of the release is written and committed: a
     * 10,000-essay corpus is most of a 1 GB heap, and H2's commit beside it ran between full collections. Holds no copy;
     * the corpus and analysis given are never changed.
     */
    public static final class Pending {
        private Corpus corpus;
        private LinkAnalysis analysis;

        public Pending(Corpus corpus, LinkAnalysis analysis) {
            this.corpus = java.util.Objects.requireNonNull(corpus);
            this.analysis = java.util.Objects.requireNonNull(analysis);
        }

        private Corpus corpus() {
            if (corpus == null) {
                throw new IllegalStateException("this corpus was handed to the writer already");
            }
            return corpus;
        }

        /** The essays in slug order, in a list of their own, and this hand-off's last reference to the corpus. */
        private List<EssaySource> takeEssays() {
            var essays = new java.util.ArrayList<>(corpus().essays());
            essays.sort(Comparator.comparing(EssaySource::slug));
            corpus = null;
            return essays;
        }

        private LinkAnalysis takeAnalysis() {
            LinkAnalysis taken = analysis;
            analysis = null;
            return taken;
        }

        private void drop() {
            corpus = null;
            analysis = null;
        }
    }

    /**
     * Replaces the stored corpus, with what its analysis derived from it, unless its hash equals the newest release's;
     * returns the release now current. Large corpora take long to write, hence the generous timeout. Whatever happens,
     * {@code pending} holds nothing afterwards: a second write of it fails.
     */
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 3600)
    public WriteResult write(Pending pending, String releaseHash) {
        try {
            return writeRelease(pending, releaseHash);
        } finally {
            pending.drop();
        }
    }

    private WriteResult writeRelease(Pending pending, String releaseHash) {
        // serializes imports across replicas sharing the database
        em.unwrap(Session.class).doWork(io.essays.ImportLock::take);
        CorpusRelease latest = refuseUnreadable(CorpusRelease.latest());
        if (latest != null && latest.contentHash.equals(releaseHash)) {
            return new WriteResult(latest.id, false, latest.linkCount, ReleaseChanges.NONE,
                    latest.importedAt.toInstant());
        }
        ReleaseChanges changes = changes(pending.corpus());
        int seriesCount = pending.corpus().series().size();
        int essayCount = pending.corpus().essays().size();
        long deleting = System.nanoTime();
        AssetUse.deleteAll();
        EssayRelated.deleteAll();
        EssayMention.deleteAll();
        EssayLink.deleteAll();
        EssayHeading.deleteAll();
        EssayAlias.deleteAll();
        EssayTag.deleteAll();
        Essay.deleteAll();
        Series.deleteAll();
        AssetFile.deleteAll();
        em.flush();
        LOG.debugf("Deleted the previous release's rows in %d ms", (System.nanoTime() - deleting) / 1_000_000);
        persisted = 0;
        writeAssetsAndSeries(pending.corpus());
        em.flush();
        em.clear();
        // the essays and their child rows go through plain JDBC on the same connection and transaction: the persistence
        // context would only hold tens of thousands of entities nobody reads back. One table at a time, parents first,
        // so that foreign keys always resolve; rows in key order, which keeps H2's B-tree inserts at the right edge.
        int links = em.unwrap(Session.class).doReturningWork(connection -> writeEssays(connection, pending));
        var release = new CorpusRelease();
        release.id = latest == null ? 1 : latest.id + 1;
        release.contentHash = releaseHash;
        release.importedAt = OffsetDateTime.ofInstant(
                releaseTime(latest == null ? null : latest.importedAt.toInstant(), clock.instant()), ZoneOffset.UTC);
        release.seriesCount = seriesCount;
        release.essayCount = essayCount;
        release.linkCount = links;
        release.essaysAdded = changes.added().size();
        release.essaysChanged = changes.changed().size();
        release.essaysDeleted = changes.deleted().size();
        release.storageFormat = CorpusRelease.STORAGE_FORMAT;
        persist(release);
        em.flush();
        em.createQuery("delete from AssetBlob b where b.hash not in (select f.hash from AssetFile f)").executeUpdate();
        LOG.debugf("Wrote release %d in %d ms before commit", release.id, (System.nanoTime() - deleting) / 1_000_000);
        return new WriteResult(release.id, true, links, changes, release.importedAt.toInstant());
    }

    /** What changed from the stored release to {@code corpus}: both sides' texts are garbage once this returns. */
    private ReleaseChanges changes(Corpus corpus) {
        var before = new java.util.HashMap<String, List<Object>>();
        em.createQuery("select e.slug, e.title, e.series, e.order, e.summary, e.source, e.html, e.packedSource, "
                        + "e.packedHtml from Essay e", Object[].class)
                .getResultList().forEach(r -> before.put((String) r[0], java.util.Arrays.asList(r[1], r[2], r[3], r[4],
                        unpacked(r[5], r[7]), unpacked(r[6], r[8]))));
        var after = new java.util.HashMap<String, List<Object>>();
        corpus.essays().forEach(e -> after.put(e.slug(), java.util.Arrays.asList(e.title(), e.series(), e.order(),
                e.summary(), e.source(), e.rendered().html())));
        return ReleaseChanges.between(before, after);
    }

    private void writeAssetsAndSeries(Corpus corpus) {
        // bytes are written once per content hash: an unchanged asset costs no write of its bytes
        Set<String> stored = new HashSet<>(em.createQuery("select b.hash from AssetBlob b", String.class).getResultList());
        for (AssetSource a : corpus.assets()) {
            if (stored.add(a.hash())) {
                persist(blob(a));
            }
        }
        for (AssetSource a : corpus.assets()) {
            var file = new AssetFile();
            file.path = a.path();
            file.hash = a.hash();
            persist(file);
        }
        for (SeriesSource s : corpus.series()) {
            var row = new Series();
            row.slug = s.slug();
            row.title = s.title();
            row.description = s.description();
            row.order = s.order();
            persist(row);
        }
    }

    /**
     * The newest release, if any. Refuses, as {@link #write} would, when it is in a storage format newer than this
     * version's, so that an import fails before it reads and renders anything.
     */
    @Transactional
    public java.util.Optional<CorpusRelease> newest() {
        return java.util.Optional.ofNullable(refuseUnreadable(CorpusRelease.latest()));
    }

    /** The newest release written with {@code releaseHash}, if any. */
    @Transactional
    public java.util.Optional<Long> releaseWithHash(String releaseHash) {
        return CorpusRelease.idWithHash(releaseHash);
    }

    /**
     * {@code latest}, unless it is in a storage format newer than this version's: a newer replica wrote it during a
     * rolling update, and replacing it would give the newer replicas the older layout.
     */
    private static CorpusRelease refuseUnreadable(CorpusRelease latest) {
        if (latest != null && !latest.readable()) {
            throw new IllegalStateException(latest.unreadableReason() + "; this version does not replace it: update "
                    + "this replica to import");
        }
        return latest;
    }

    public record WriteResult(long releaseId, boolean changed, int links, ReleaseChanges changes, Instant importedAt) {
    }

    /** A text column's value, or, for rows written since V12, the text of the packed column. */
    private static String unpacked(Object text, Object packed) {
        return text != null ? (String) text : PackedText.stored((byte[]) packed, null).text();
    }

    private void persist(Object entity) {
        em.persist(entity);
        if (++persisted % FLUSH_EVERY == 0) {
            em.flush();
            em.clear();
        }
    }

    private static AssetBlob blob(AssetSource a) {
        var row = new AssetBlob();
        row.hash = a.hash();
        row.mediaType = a.type().mediaType();
        row.byteCount = a.bytes().length;
        row.width = a.width();
        row.height = a.height();
        row.content = a.bytes();
        return row;
    }

    /** What an essay's child rows need of it: a few percent of the rendered essay, kept while the essay is let go. */
    private record ChildRows(String slug, List<String> tags, List<String> aliases, List<ImageUse> images) {
        static ChildRows of(EssaySource essay) {
            return new ChildRows(essay.slug(), essay.tags(), essay.aliases(), essay.rendered().images());
        }
    }

    /** An essay's texts and headings as stored. */
    private record Packed(EssayBodies bodies, byte[] headings) {
    }

    /**
     * An essay's headings as rendered, in document order, each with its section's plain text and first paragraph
     * (empty for a heading without a section of its own).
     */
    static List<CorpusSnapshot.HeadingData> headings(RenderedBody body) {
        var sections = new java.util.HashMap<String, RenderedBody.Section>();
        body.sections().forEach(s -> {
            if (s.id() != null) {
                sections.putIfAbsent(s.id(), s);
            }
        });
        var headings = new java.util.ArrayList<CorpusSnapshot.HeadingData>(body.toc().size());
        for (TocEntry toc : body.toc()) {
            RenderedBody.Section section = sections.get(toc.id());
            headings.add(new CorpusSnapshot.HeadingData(toc.level(), toc.id(), toc.text(),
                    section == null ? "" : section.firstParagraphText(),
                    section == null ? "" : section.firstParagraphHtml(), section == null ? "" : section.text()));
        }
        return headings;
    }

    /**
     * Writes essays (their headings packed in the row, {@link PackedHeadings}), tags, aliases, asset uses, links,
     * mentions and related rows; returns the link count. Each essay is let go once its row is written: what the child
     * rows need of it is kept aside first ({@link ChildRows}), a few percent of its size.
     */
    private static int writeEssays(Connection connection, Pending pending) throws SQLException {
        List<EssaySource> essays = pending.takeEssays();
        List<ChildRows> children = essays.stream().map(ChildRows::of).toList();
        try (var rows = BulkRows.into(connection, "essay", text("slug"), text("series_slug"), integer("position"),
                text("title"), text("summary"), date("published"), date("updated"), integer("word_count"),
                integer("reading_minutes"), bytes("packed_source"), bytes("packed_html"), bytes("packed_html_tex"),
                bytes("packed_plain_text"), text("lead_text"), bytes("packed_headings"))) {
            // packed once, on every core, a slice at a time (the whole corpus's packed texts at once would be another
            // tenth of it in the heap beside the rendered corpus): the snapshot holds these very bytes (EssayBodies)
            for (int from = 0; from < essays.size(); from += PACK_SLICE) {
                List<EssaySource> slice = essays.subList(from, Math.min(essays.size(), from + PACK_SLICE));
                List<Packed> packed = slice.parallelStream().map(e -> new Packed(EssayBodies.pack(e.source(),
                        e.rendered().html(), e.rendered().htmlTex(), e.rendered().plainText()),
                        PackedHeadings.pack(headings(e.rendered()), e.rendered().plainText()))).toList();
                for (int i = 0; i < slice.size(); i++) {
                    EssaySource e = slice.get(i);
                    RenderedBody body = e.rendered();
                    EssayBodies bodies = packed.get(i).bodies();
                    rows.add(e.slug(), e.series(), e.order(), e.title(), e.summary(), e.published(), e.updated(),
                            body.wordCount(), body.readingMinutes(), bodies.source().stored(), bodies.html().stored(),
                            bodies.storedHtmlTex(), bodies.plainText().stored(),
                            body.sections().stream().filter(s -> s.id() == null).findFirst()
                                    .map(RenderedBody.Section::text).orElse(""), packed.get(i).headings());
                }
                // the list is the writer's own (Pending#takeEssays): its slots are the essays' last references
                java.util.Collections.fill(slice, null);
            }
        }
        LinkAnalysis analysis = pending.takeAnalysis();
        try (var rows = BulkRows.into(connection, "essay_tag", text("essay_slug"), integer("position"), text("tag"))) {
            for (ChildRows e : children) {
                for (int i = 0; i < e.tags().size(); i++) {
                    rows.add(e.slug(), i, e.tags().get(i));
                }
            }
        }
        try (var rows = BulkRows.into(connection, "essay_alias", text("essay_slug"), integer("position"), text("alias"))) {
            for (ChildRows e : children) {
                for (int i = 0; i < e.aliases().size(); i++) {
                    rows.add(e.slug(), i, e.aliases().get(i));
                }
            }
        }
        try (var rows = BulkRows.into(connection, "essay_asset", text("essay_slug"), integer("position"),
                text("asset_path"), text("url"), text("alt"), text("caption"), integer("line"))) {
            for (ChildRows e : children) {
                List<ImageUse> images = e.images();
                for (int i = 0; i < images.size(); i++) {
                    ImageUse image = images.get(i);
                    rows.add(e.slug(), i, image.asset().path(), image.url(), image.alt(), image.caption(), image.line());
                }
            }
        }
        int links;
        try (var rows = BulkRows.into(connection, "essay_link", text("source_slug"), integer("position"),
                text("target_slug"), text("anchor"), text("link_text"), text("section_id"), integer("line"),
                text("context_text"), text("context_html"))) {
            for (ChildRows e : children) {
                List<ExtractedLink> extracted = analysis.crossLinks(e.slug());
                for (int i = 0; i < extracted.size(); i++) {
                    ExtractedLink l = extracted.get(i);
                    rows.add(e.slug(), i, l.targetSlug(), l.anchor(), l.text(), l.sectionId(), l.line(), l.contextText(),
                            l.contextHtml());
                }
            }
            links = (int) rows.rows();
        }
        try (var rows = BulkRows.into(connection, "essay_mention", text("essay_slug"), integer("position"),
                text("source_slug"), text("term"), text("matched_text"), text("section_id"), integer("line"),
                text("context_text"), text("context_html"))) {
            for (ChildRows e : children) {
                List<LinkAnalysis.Mention> mentions = analysis.mentions(e.slug());
                for (int i = 0; i < mentions.size(); i++) {
                    LinkAnalysis.Mention m = mentions.get(i);
                    rows.add(m.essay(), i, m.source(), m.term(), m.text(), m.sectionId(), m.line(), m.contextText(),
                            m.contextHtml());
                }
            }
        }
        try (var rows = BulkRows.into(connection, "essay_related_list", text("essay_slug"), text("entries"))) {
            for (ChildRows e : children) {
                List<LinkAnalysis.Related> related = analysis.related(e.slug());
                if (!related.isEmpty()) {
                    rows.add(e.slug(), RelatedEntries.encode(related));
                }
            }
        }
        return links;
    }
}
