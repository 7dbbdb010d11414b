package io.essays.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import io.essays.EssaysConfig;
import io.essays.asset.AssetUse;
import io.essays.essay.Essay;
import io.essays.essay.EssayAlias;
import io.essays.essay.EssayHeading;
import io.essays.essay.EssayTag;
import io.essays.http.ProblemException;
import io.essays.links.EssayLink;
import io.essays.links.EssayMention;
import io.essays.links.EssayRelated;
import io.essays.series.Series;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

/**
 * Holds the snapshot being served and replaces it, atomically for readers, when the database has a newer release.
 */
@ApplicationScoped
public class CorpusState implements io.essays.http.CurrentRelease {
    private static final Logger LOG = Logger.getLogger(CorpusState.class);

    private final Event<CorpusLoaded> loaded;
    private final long cacheBudget;
    private volatile CorpusSnapshot current;

    public CorpusState(Event<CorpusLoaded> loaded, EssaysConfig config, MeterRegistry registry) {
        this.loaded = loaded;
        this.cacheBudget = config.http().cacheBudget().asLongValue();
        Gauge.builder("essays.http.cache.bytes", this, s -> s.loaded().map(c -> c.responses().weight()).orElse(0L))
                .description("Estimated heap held by the response cache of the release being served")
                .baseUnit("bytes").register(registry);
        Gauge.builder("essays.http.cache.entries", this, s -> s.loaded().map(c -> c.responses().size()).orElse(0L))
                .description("Response bodies and bound URIs cached for the release being served")
                .register(registry);
        Gauge.builder("essays.http.cache.budget", () -> cacheBudget)
                .description("essays.http.cache-budget").baseUnit("bytes").register(registry);
    }

    /** The snapshot being served; a 503 problem when no corpus has been imported yet. */
    public CorpusSnapshot current() {
        CorpusSnapshot snapshot = current;
        if (snapshot == null) {
            throw new ProblemException(503, "no-corpus", "Service Unavailable",
                    "No corpus has been imported yet; check the service log for content problems");
        }
        return snapshot;
    }

    @Override
    public io.essays.http.ReleaseCache release() {
        return current;
    }

    public Optional<CorpusSnapshot> loaded() {
        return Optional.ofNullable(current);
    }

    /**
     * Loads the newest release from the database if it differs from the one served. Returns true if it swapped.
     * The database is read in a transaction; observers of {@link CorpusLoaded} run after it, since they need no
     * database and may take a while (the search index of a large corpus), which would otherwise hold a connection
     * and could outlast the transaction timeout.
     */
    public synchronized boolean refresh() {
        long started = System.nanoTime();
        CorpusSnapshot snapshot = QuarkusTransaction.joiningExisting().call(this::loadNewer);
        if (snapshot == null) {
            return false;
        }
        loaded.fire(new CorpusLoaded(snapshot));
        current = snapshot;
        LOG.infof("Serving corpus release %d (%d series, %d essays) loaded in %d ms", snapshot.releaseId(),
                snapshot.series().size(), snapshot.essays().size(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** The newest release as a snapshot, or null when it is the one served. */
    private CorpusSnapshot loadNewer() {
        CorpusRelease latest = CorpusRelease.latest();
        if (latest == null || current != null && current.releaseId() == latest.id) {
            return null;
        }
        CorpusSnapshot snapshot = load(latest);
        CorpusRelease after = CorpusRelease.latest();
        while (after.id != latest.id) {
            // another replica committed an import while we read: read again so the snapshot is one release
            latest = after;
            snapshot = load(latest);
            after = CorpusRelease.latest();
        }
        return snapshot;
    }

    private CorpusSnapshot load(CorpusRelease release) {
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

        Map<String, CorpusSnapshot.AssetData> assets = assets();
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
    private Map<String, CorpusSnapshot.AssetData> assets() {
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
