package io.essays.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.essays.EssaysConfig;
import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.EssayBodies;
import io.essays.corpus.PackedHeadings;
import io.essays.corpus.SnapshotSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Reads the newest release from the database into an immutable {@link CorpusSnapshot}, in one transaction. The only
 * reader of the entities besides {@link CorpusWriter}; feature packages see the snapshot, never a row.
 */
@ApplicationScoped
public class SnapshotLoader implements SnapshotSource {
    private static final Logger LOG = Logger.getLogger(SnapshotLoader.class);
    /** Rows per round trip: large enough to stream a big table quickly, small enough to bound the driver's buffer. */
    static final int FETCH_SIZE = 1000;
    /** How many threads make essays from their rows beside the reading thread: one fewer than cores, at least one. */
    private static final int MAKERS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    private final long cacheBudget;
    /** Why the newest release was left alone, when this version cannot read it; null when it can. */
    private volatile String unreadable;

    SnapshotLoader(EssaysConfig config) {
        this.cacheBudget = config.http().cacheBudget().asLongValue();
    }

    @Override
    public CorpusSnapshot newer(CorpusSnapshot served) {
        return QuarkusTransaction.joiningExisting().call(() -> loadNewer(served));
    }

    @Override
    public java.util.Optional<String> unreadable() {
        return java.util.Optional.ofNullable(unreadable);
    }

    /**
     * The newest release as a snapshot, or null when it is the one served, or when it is in a storage format newer than
     * this version reads (a newer replica wrote it during a rolling update): the release served then stays.
     */
    private CorpusSnapshot loadNewer(CorpusSnapshot current) {
        CorpusRelease latest = CorpusRelease.latest();
        if (latest == null || !readable(latest) || current != null && current.releaseId() == latest.id) {
            return null;
        }
        CorpusSnapshot snapshot = load(latest, current);
        CorpusRelease after = CorpusRelease.latest();
        while (after.id != latest.id) {
            // another replica committed an import while we read: read again so the snapshot is one release
            if (!readable(after)) {
                return null;
            }
            latest = after;
            snapshot = load(latest, current);
            after = CorpusRelease.latest();
        }
        return snapshot;
    }

    /** Whether this version reads {@code release}; says once per release, in the log, why not. */
    private boolean readable(CorpusRelease release) {
        if (release.readable()) {
            unreadable = null;
            return true;
        }
        String reason = release.unreadableReason() + "; this replica keeps serving the release it has and should be "
                + "replaced by one of the newer version";
        if (!reason.equals(unreadable)) {
            LOG.warn(reason);
            unreadable = reason;
        }
        return false;
    }

    private CorpusSnapshot load(CorpusRelease release, CorpusSnapshot current) {
        long started = System.nanoTime();
        CorpusSnapshot snapshot = Panache.getEntityManager().unwrap(Session.class)
                .doReturningWork(connection -> read(connection, release, assets(connection, current)));
        LOG.infof("Read release %d from the database (%d essays) in %d ms", release.id, snapshot.essays().size(),
                (System.nanoTime() - started) / 1_000_000);
        return snapshot;
    }

    /**
     * Reads every table of the corpus with plain JDBC: no entity is materialised, so nothing lands in the persistence
     * context (a 10,000-essay corpus has some 700,000 rows, whose entities, entries and snapshots for dirty checking
     * used to take more heap than the snapshot itself). Small strings that repeat across rows (slugs, tags, series,
     * anchors, related reasons) are kept once; section texts are ranges of the essay's plain text, not copies (see
     * {@link CorpusSnapshot.HeadingData}); an essay's long texts and its headings arrive packed, as the snapshot holds
     * them ({@link EssayBodies}, {@link PackedHeadings}).
     */
    private CorpusSnapshot read(Connection connection, CorpusRelease release,
                                Map<String, CorpusSnapshot.AssetData> assets) throws SQLException {
        // H2 materialises a whole result before the first row unless told to stream it (PostgreSQL streams with a
        // fetch size in a transaction): the essay table alone would sit in the heap twice while it is converted
        boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
        if (h2) {
            execute(connection, "SET LAZY_QUERY_EXECUTION TRUE");
        }
        try {
            return readRows(connection, release, assets);
        } finally {
            if (h2) {
                execute(connection, "SET LAZY_QUERY_EXECUTION FALSE");
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Reads the rows with essays made by a pool of {@link #MAKERS} threads of its own: not the common pool, which
     * {@link CompletableFuture} replaces with a new thread per task when it has a single worker (on two cores), which
     * started 10,000 threads for 10,000 essays, each with its own inflater.
     */
    private CorpusSnapshot readRows(Connection connection, CorpusRelease release,
                                    Map<String, CorpusSnapshot.AssetData> assets) throws SQLException {
        ExecutorService makers = Executors.newFixedThreadPool(MAKERS, task -> {
            var thread = new Thread(task, "essays-snapshot-maker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return readRows(connection, release, assets, makers);
        } finally {
            makers.shutdown();
        }
    }

    private CorpusSnapshot readRows(Connection connection, CorpusRelease release,
                                    Map<String, CorpusSnapshot.AssetData> assets, Executor makers)
            throws SQLException {
        var strings = new Interner();
        Map<String, List<String>> tags = grouped(connection,
                "SELECT essay_slug, tag FROM essay_tag ORDER BY essay_slug, position", strings,
                rs -> strings.of(rs.getString(2)));
        Map<String, List<String>> aliases = grouped(connection,
                "SELECT essay_slug, alias FROM essay_alias ORDER BY essay_slug, position", strings,
                rs -> rs.getString(2));
        Map<String, List<CorpusSnapshot.HeadingData>> headings = grouped(connection,
                "SELECT essay_slug, level, anchor, text, first_paragraph_text, first_paragraph_html, section_text "
                        + "FROM essay_heading ORDER BY essay_slug, position", strings,
                rs -> new CorpusSnapshot.HeadingData(rs.getInt(2), strings.of(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
        Map<String, List<CorpusSnapshot.LinkData>> outgoing = grouped(connection,
                "SELECT source_slug, position, target_slug, anchor, link_text, section_id, line, context_text, "
                        + "context_html FROM essay_link ORDER BY source_slug, position", strings,
                rs -> new CorpusSnapshot.LinkData(strings.of(rs.getString(1)), rs.getInt(2),
                        strings.of(rs.getString(3)), strings.of(rs.getString(4)), rs.getString(5),
                        strings.of(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getString(9)));
        Map<String, List<CorpusSnapshot.MentionData>> mentions = grouped(connection,
                "SELECT essay_slug, position, source_slug, term, matched_text, section_id, line, context_text, "
                        + "context_html FROM essay_mention ORDER BY essay_slug, position", strings,
                rs -> new CorpusSnapshot.MentionData(strings.of(rs.getString(1)), rs.getInt(2),
                        strings.of(rs.getString(3)), strings.of(rs.getString(4)), strings.of(rs.getString(5)),
                        strings.of(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getString(9)));
        var related = new HashMap<String, List<CorpusSnapshot.RelatedData>>();
        query(connection, "SELECT essay_slug, entries FROM essay_related_list", rs -> {
            String slug = strings.of(rs.getString(1));
            related.put(slug, RelatedEntries.decode(slug, rs.getString(2), strings::of));
        });
        Map<String, List<CorpusSnapshot.AssetUseData>> assetUses = grouped(connection,
                "SELECT essay_slug, asset_path, url, alt, caption FROM essay_asset ORDER BY essay_slug, position",
                strings, rs -> new CorpusSnapshot.AssetUseData(assets.get(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5)));

        var seriesRows = new ArrayList<String[]>();
        var seriesOrder = new ArrayList<Integer>();
        query(connection, "SELECT slug, title, description, position FROM series ORDER BY position", rs -> {
            seriesRows.add(new String[] {strings.of(rs.getString(1)), rs.getString(2), rs.getString(3)});
            seriesOrder.add(rs.getInt(4));
        });
        Map<String, List<CompletableFuture<CorpusSnapshot.EssayData>>> bySeries = new LinkedHashMap<>();
        seriesRows.forEach(s -> bySeries.put(s[0], new ArrayList<>()));
        // essays are made (their headings unpacked, or for older rows placed in the plain text) on another core while
        // the next rows are read
        query(connection, "SELECT slug, title, series_slug, position, summary, published, updated, word_count, "
                + "reading_minutes, source, html, html_tex, plain_text, lead_text, packed_source, packed_html, "
                + "packed_html_tex, packed_plain_text, packed_headings FROM essay "
                + "ORDER BY series_slug, position", rs -> {
            String slug = strings.of(rs.getString(1));
            String title = rs.getString(2);
            String seriesSlug = strings.of(rs.getString(3));
            int position = rs.getInt(4);
            String summary = rs.getString(5);
            LocalDate published = rs.getObject(6, LocalDate.class);
            LocalDate updated = rs.getObject(7, LocalDate.class);
            int words = rs.getInt(8);
            int minutes = rs.getInt(9);
            String leadText = rs.getString(14);
            byte[] packedHtml = rs.getBytes(16);
            Supplier<EssayBodies> bodies;
            if (packedHtml != null) {
                byte[] source = rs.getBytes(15);
                byte[] htmlTex = rs.getBytes(17);
                byte[] plainText = rs.getBytes(18);
                bodies = () -> EssayBodies.stored(source, packedHtml, htmlTex, plainText);
            } else {
                // a row written before V12: its texts are packed here, as they were before
                String source = rs.getString(10);
                String html = rs.getString(11);
                String htmlTex = rs.getString(12);
                String plainText = rs.getString(13);
                bodies = () -> EssayBodies.pack(source, html, htmlTex, plainText);
            }
            byte[] packedHeadings = rs.getBytes(19);
            bySeries.get(seriesSlug).add(CompletableFuture.supplyAsync(() -> {
                EssayBodies made = bodies.get();
                // a row written before V13 has its headings as rows, placed in the plain text by the essay
                List<CorpusSnapshot.HeadingData> essayHeadings = packedHeadings != null
                        ? PackedHeadings.stored(packedHeadings, made.plainText())
                        : headings.getOrDefault(slug, List.of());
                return new CorpusSnapshot.EssayData(slug, title, seriesSlug, position, summary,
                        tags.getOrDefault(slug, List.of()), aliases.getOrDefault(slug, List.of()), published, updated,
                        words, minutes, made, leadText, essayHeadings, outgoing.getOrDefault(slug, List.of()),
                        assetUses.getOrDefault(slug, List.of()));
            }, makers));
        });
        var series = new ArrayList<CorpusSnapshot.SeriesData>();
        var essays = new ArrayList<CorpusSnapshot.EssayData>();
        for (int i = 0; i < seriesRows.size(); i++) {
            String[] s = seriesRows.get(i);
            List<CorpusSnapshot.EssayData> members = bySeries.get(s[0]).stream().map(CompletableFuture::join).toList();
            series.add(new CorpusSnapshot.SeriesData(s[0], s[1], s[2], seriesOrder.get(i), members));
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
        return new CorpusSnapshot(release.id, release.contentHash, release.importedAt.toInstant(), series, essays,
                incoming, mentions, related, tagCounts, assets, cacheBudget);
    }

    /**
     * The assets of the release by path. Bytes already held by the snapshot being served are reused (a hash names one
     * content), so a new release reads from the database only the bytes that changed.
     */
    private static Map<String, CorpusSnapshot.AssetData> assets(Connection connection, CorpusSnapshot current)
            throws SQLException {
        var served = new HashMap<String, byte[]>();
        if (current != null) {
            current.assets().values().forEach(a -> served.put(a.hash(), a.content()));
        }
        record Row(String path, String hash, String mediaType, int byteCount, int width, int height) {
        }
        var rows = new ArrayList<Row>();
        try (var statement = connection.prepareStatement("SELECT f.path, b.hash, b.media_type, b.byte_count, b.width, "
                + "b.height FROM asset_file f JOIN asset_blob b ON b.hash = f.hash ORDER BY f.path");
             var rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6)));
            }
        }
        var missing = new HashSet<String>();
        rows.forEach(r -> {
            if (!served.containsKey(r.hash())) {
                missing.add(r.hash());
            }
        });
        if (!missing.isEmpty()) {
            // the blobs one statement at a time: few (only the changed ones), and no IN list to size per database
            try (var statement = connection.prepareStatement("SELECT content FROM asset_blob WHERE hash = ?")) {
                for (String hash : missing) {
                    statement.setString(1, hash);
                    try (var rs = statement.executeQuery()) {
                        if (rs.next()) {
                            served.put(hash, rs.getBytes(1));
                        }
                    }
                }
            }
        }
        var assets = new HashMap<String, CorpusSnapshot.AssetData>();
        for (Row r : rows) {
            assets.put(r.path(), new CorpusSnapshot.AssetData(r.path(), r.hash(), r.mediaType(), r.byteCount(),
                    r.width(), r.height(), served.get(r.hash())));
        }
        return assets;
    }


    /** A row mapper that may fail with the driver's exception. */
    @FunctionalInterface
    private interface Row<V> {
        V map(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} and hands every row to {@code each}, streaming in batches of {@link #FETCH_SIZE}. */
    private static void query(Connection connection, String sql, Consumer<ResultSet> each) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    each.accept(rs);
                }
            }
        }
    }

    /** The rows of {@code sql} grouped by their first column (an essay slug), in query order, as immutable lists. */
    private static <V> Map<String, List<V>> grouped(Connection connection, String sql, Interner strings, Row<V> value)
            throws SQLException {
        var map = new HashMap<String, List<V>>();
        query(connection, sql, rs -> map.computeIfAbsent(strings.of(rs.getString(1)), k -> new ArrayList<>())
                .add(value.map(rs)));
        map.replaceAll((k, v) -> List.copyOf(v));
        return map;
    }

    /** A consumer of the current row that may fail with the driver's exception. */
    @FunctionalInterface
    private interface Consumer<T> {
        void accept(T t) throws SQLException;
    }

    /** One instance per distinct small string read during one load. */
    private static final class Interner {
        private final Map<String, String> seen = new HashMap<>();

        String of(String s) {
            if (s == null) {
                return null;
            }
            String known = seen.putIfAbsent(s, s);
            return known == null ? s : known;
        }
    }
}
