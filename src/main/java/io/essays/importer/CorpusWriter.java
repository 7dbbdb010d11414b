package io.essays.importer;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.essays.asset.AssetBlob;
import io.essays.asset.AssetFile;
import io.essays.asset.AssetUse;
import io.essays.content.AssetSource;
import io.essays.content.Corpus;
import io.essays.content.EssaySource;
import io.essays.content.SeriesSource;
import io.essays.corpus.CorpusRelease;
import io.essays.essay.Essay;
import io.essays.essay.EssayAlias;
import io.essays.essay.EssayHeading;
import io.essays.essay.EssayTag;
import io.essays.links.EssayLink;
import io.essays.links.EssayMention;
import io.essays.links.EssayRelated;
import io.essays.links.LinkAnalysis;
import io.essays.markdown.ExtractedLink;
import io.essays.markdown.ImageUse;
import io.essays.markdown.RenderedBody;
import io.essays.markdown.TocEntry;
import io.essays.series.Series;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Writes a validated corpus into the database in one transaction and records it as a new release. */
@ApplicationScoped
class CorpusWriter {
    private static final int FLUSH_EVERY = 5000;

    private final EntityManager em;
    private final Clock clock;
    private int pending;

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
     * Replaces the stored corpus, with what {@code analysis} derived from it, unless its hash equals the newest
     * release's; returns the release now current. Large corpora take long to write, hence the generous timeout.
     */
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 3600)
    WriteResult write(Corpus corpus, LinkAnalysis analysis, String releaseHash) {
        // serializes imports across replicas sharing the database
        em.createNativeQuery("SELECT id FROM import_lock WHERE id = 1 FOR UPDATE").getResultList();
        CorpusRelease latest = CorpusRelease.latest();
        if (latest != null && latest.contentHash.equals(releaseHash)) {
            return new WriteResult(latest.id, false, latest.linkCount, ReleaseChanges.NONE,
                    latest.importedAt.toInstant());
        }
        var before = new java.util.HashMap<String, List<Object>>();
        em.createQuery("select e.slug, e.title, e.series, e.order, e.summary, e.source, e.html from Essay e", Object[].class)
                .getResultList().forEach(r -> before.put((String) r[0], java.util.Arrays.asList(r).subList(1, r.length)));
        var after = new java.util.HashMap<String, List<Object>>();
        corpus.essays().forEach(e -> after.put(e.slug(), java.util.Arrays.asList(e.title(), e.series(), e.order(),
                e.summary(), e.source(), e.rendered().html())));
        ReleaseChanges changes = ReleaseChanges.between(before, after);
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
        pending = 0;
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
        // one table at a time, parents first, so that every JDBC batch is full and foreign keys always resolve
        corpus.essays().forEach(e -> persist(essay(e)));
        for (EssaySource e : corpus.essays()) {
            for (int i = 0; i < e.tags().size(); i++) {
                var tag = new EssayTag();
                tag.essay = e.slug();
                tag.position = i;
                tag.tag = e.tags().get(i);
                persist(tag);
            }
        }
        for (EssaySource e : corpus.essays()) {
            for (int i = 0; i < e.aliases().size(); i++) {
                var alias = new EssayAlias();
                alias.essay = e.slug();
                alias.position = i;
                alias.alias = e.aliases().get(i);
                persist(alias);
            }
        }
        for (EssaySource e : corpus.essays()) {
            List<ImageUse> images = e.rendered().images();
            for (int i = 0; i < images.size(); i++) {
                persist(assetUse(e.slug(), i, images.get(i)));
            }
        }
        for (EssaySource e : corpus.essays()) {
            RenderedBody body = e.rendered();
            for (int i = 0; i < body.toc().size(); i++) {
                persist(heading(e.slug(), i, body.toc().get(i), body));
            }
        }
        int links = 0;
        for (EssaySource e : corpus.essays()) {
            var extracted = analysis.crossLinks(e.slug());
            for (int i = 0; i < extracted.size(); i++) {
                persist(link(e.slug(), i, extracted.get(i)));
                links++;
            }
        }
        for (EssaySource e : corpus.essays()) {
            var mentions = analysis.mentions(e.slug());
            for (int i = 0; i < mentions.size(); i++) {
                persist(mention(i, mentions.get(i)));
            }
        }
        for (EssaySource e : corpus.essays()) {
            analysis.related(e.slug()).forEach(r -> persist(related(r)));
        }
        var release = new CorpusRelease();
        release.id = latest == null ? 1 : latest.id + 1;
        release.contentHash = releaseHash;
        release.importedAt = OffsetDateTime.ofInstant(
                releaseTime(latest == null ? null : latest.importedAt.toInstant(), clock.instant()), ZoneOffset.UTC);
        release.seriesCount = corpus.series().size();
        release.essayCount = corpus.essays().size();
        release.linkCount = links;
        release.essaysAdded = changes.added().size();
        release.essaysChanged = changes.changed().size();
        release.essaysDeleted = changes.deleted().size();
        persist(release);
        em.flush();
        em.createQuery("delete from AssetBlob b where b.hash not in (select f.hash from AssetFile f)").executeUpdate();
        return new WriteResult(release.id, true, links, changes, release.importedAt.toInstant());
    }

    /** The newest release if its hash is {@code releaseHash}: the content is already imported. */
    @Transactional
    java.util.Optional<CorpusRelease> current(String releaseHash) {
        CorpusRelease latest = CorpusRelease.latest();
        return latest != null && latest.contentHash.equals(releaseHash) ? java.util.Optional.of(latest)
                : java.util.Optional.empty();
    }

    record WriteResult(long releaseId, boolean changed, int links, ReleaseChanges changes, Instant importedAt) {
    }

    private void persist(Object entity) {
        em.persist(entity);
        if (++pending % FLUSH_EVERY == 0) {
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

    private static AssetUse assetUse(String slug, int position, ImageUse image) {
        var row = new AssetUse();
        row.essay = slug;
        row.position = position;
        row.path = image.asset().path();
        row.url = image.url();
        row.alt = image.alt();
        row.caption = image.caption();
        row.line = image.line();
        return row;
    }

    private static Essay essay(EssaySource e) {
        var row = new Essay();
        row.slug = e.slug();
        row.series = e.series();
        row.order = e.order();
        row.title = e.title();
        row.summary = e.summary();
        row.published = e.published();
        row.updated = e.updated();
        row.wordCount = e.rendered().wordCount();
        row.readingMinutes = e.rendered().readingMinutes();
        row.source = e.source();
        row.html = e.rendered().html();
        row.htmlTex = e.rendered().htmlTex();
        row.plainText = e.rendered().plainText();
        row.leadText = e.rendered().sections().stream().filter(s -> s.id() == null).findFirst()
                .map(RenderedBody.Section::text).orElse("");
        return row;
    }

    private static EssayHeading heading(String slug, int position, TocEntry toc, RenderedBody body) {
        var row = new EssayHeading();
        row.essay = slug;
        row.position = position;
        row.level = toc.level();
        row.anchor = toc.id();
        row.text = toc.text();
        var section = body.sections().stream().filter(s -> toc.id().equals(s.id())).findFirst();
        row.firstParagraphText = section.map(RenderedBody.Section::firstParagraphText).orElse("");
        row.firstParagraphHtml = section.map(RenderedBody.Section::firstParagraphHtml).orElse("");
        row.sectionText = section.map(RenderedBody.Section::text).orElse("");
        return row;
    }

    private static EssayMention mention(int position, LinkAnalysis.Mention m) {
        var row = new EssayMention();
        row.essay = m.essay();
        row.position = position;
        row.source = m.source();
        row.term = m.term();
        row.text = m.text();
        row.sectionId = m.sectionId();
        row.line = m.line();
        row.contextText = m.contextText();
        row.contextHtml = m.contextHtml();
        return row;
    }

    private static EssayRelated related(LinkAnalysis.Related r) {
        var row = new EssayRelated();
        row.essay = r.essay();
        row.rank = r.rank();
        row.related = r.related();
        row.score = r.score();
        row.reasons = r.reasons().encode();
        return row;
    }

    private static EssayLink link(String source, int position, ExtractedLink l) {
        var row = new EssayLink();
        row.source = source;
        row.position = position;
        row.target = l.targetSlug();
        row.anchor = l.anchor();
        row.text = l.text();
        row.sectionId = l.sectionId();
        row.line = l.line();
        row.contextText = l.contextText();
        row.contextHtml = l.contextHtml();
        return row;
    }
}
