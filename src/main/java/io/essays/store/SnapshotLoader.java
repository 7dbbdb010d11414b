package io.essays.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.essays.EssaysConfig;
import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.SnapshotSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Reads the newest release from the database into an immutable {@link CorpusSnapshot}, in one transaction. The only
 * reader of the entities besides {@link CorpusWriter}; feature packages see the snapshot, never a row.
 */
@ApplicationScoped
public class SnapshotLoader implements SnapshotSource {
    private final long cacheBudget;

    SnapshotLoader(EssaysConfig config) {
        this.cacheBudget = config.http().cacheBudget().asLongValue();
    }

    @Override
    public CorpusSnapshot newer(CorpusSnapshot served) {
        return QuarkusTransaction.joiningExisting().call(() -> loadNewer(served));
    }

    /** The newest release as a snapshot, or null when it is the one served. */
    private CorpusSnapshot loadNewer(CorpusSnapshot current) {
        CorpusRelease latest = CorpusRelease.latest();
        if (latest == null || current != null && current.releaseId() == latest.id) {
            return null;
        }
        CorpusSnapshot snapshot = load(latest, current);
        CorpusRelease after = CorpusRelease.latest();
        while (after.id != latest.id) {
            // another replica committed an import while we read: read again so the snapshot is one release
            latest = after;
            snapshot = load(latest, current);
            after = CorpusRelease.latest();
        }
        return snapshot;
    }

    private CorpusSnapshot load(CorpusRelease release, CorpusSnapshot current) {
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
        Map<String, List<CorpusSnapshot.RelatedData>> related = grouped(
                EssayRelated.<EssayRelated>find("order by essay, rank").list(), r -> r.essay,
                r -> new CorpusSnapshot.RelatedData(r.essay, r.rank, r.related, r.score, r.reasons));

        Map<String, CorpusSnapshot.AssetData> assets = assets(current);
        Map<String, List<CorpusSnapshot.AssetUseData>> assetUses = grouped(
                AssetUse.<AssetUse>find("order by essay, position").list(), u -> u.essay,
                u -> new CorpusSnapshot.AssetUseData(assets.get(u.path), u.url, u.alt, u.caption));

        List<Series> seriesRows = Series.<Series>find("order by order").list();
        Map<String, List<CorpusSnapshot.EssayData>> bySeries = new LinkedHashMap<>();
        seriesRows.forEach(s -> bySeries.put(s.slug, new ArrayList<>()));
        for (Essay e : Essay.<Essay>find("order by series, order").list()) {
            bySeries.get(e.series).add(new CorpusSnapshot.EssayData(e.slug, e.title, e.series, e.order, e.summary,
                    tags.getOrDefault(e.slug, List.of()), aliases.getOrDefault(e.slug, List.of()), e.published,
                    e.updated, e.wordCount, e.readingMinutes, e.source, e.html, e.htmlTex, e.plainText, e.leadText,
                    headings.getOrDefault(e.slug, List.of()), outgoing.getOrDefault(e.slug, List.of()),
                    assetUses.getOrDefault(e.slug, List.of())));
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
        incoming.replaceAll((k, v) -> List.copyOf(v));
        mentions.replaceAll((k, v) -> List.copyOf(v));
        related.replaceAll((k, v) -> List.copyOf(v));
        return new CorpusSnapshot(release.id, release.contentHash, release.importedAt.toInstant(), series, essays,
                incoming, mentions, related, tagCounts, assets, cacheBudget);
    }

    /**
     * The assets of the release by path. Bytes already held by the snapshot being served are reused (a hash names one
     * content), so a new release reads from the database only the bytes that changed.
     */
    private Map<String, CorpusSnapshot.AssetData> assets(CorpusSnapshot current) {
        EntityManager em = Panache.getEntityManager();
        var served = new HashMap<String, byte[]>();
        if (current != null) {
            current.assets().values().forEach(a -> served.put(a.hash(), a.content()));
        }
        List<Object[]> rows = em.createQuery("select f.path, b.hash, b.mediaType, b.byteCount, b.width, b.height "
                + "from AssetFile f, AssetBlob b where b.hash = f.hash order by f.path", Object[].class).getResultList();
        var missing = new HashSet<String>();
        rows.forEach(r -> {
            if (!served.containsKey((String) r[1])) {
                missing.add((String) r[1]);
            }
        });
        if (!missing.isEmpty()) {
            em.createQuery("select b.hash, b.content from AssetBlob b where b.hash in :hashes", Object[].class)
                    .setParameter("hashes", missing).getResultList()
                    .forEach(r -> served.put((String) r[0], (byte[]) r[1]));
        }
        var assets = new HashMap<String, CorpusSnapshot.AssetData>();
        for (Object[] r : rows) {
            String hash = (String) r[1];
            assets.put((String) r[0], new CorpusSnapshot.AssetData((String) r[0], hash, (String) r[2], (Integer) r[3],
                    (Integer) r[4], (Integer) r[5], served.get(hash)));
        }
        return assets;
    }

    private static <R, V> Map<String, List<V>> grouped(List<R> rows, java.util.function.Function<R, String> key,
                                                       java.util.function.Function<R, V> value) {
        var map = new HashMap<String, List<V>>();
        for (R row : rows) {
            map.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(value.apply(row));
        }
        return map;
    }
}
