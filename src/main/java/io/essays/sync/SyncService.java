package io.essays.sync;

import io.essays.QueryParameters;
import io.essays.Sha256;
import io.essays.DomainException;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.essays.EssaysConfig;
import io.essays.corpus.CorpusLoaded;
import io.essays.corpus.CorpusSnapshot;
import io.essays.essay.EssayService;
import io.essays.essay.SparseFields;
import io.essays.series.SeriesSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Initial and delta sync over corpus releases. When a release is loaded, every item is serialized as sync serves it
 * and hashed, and the hashes are recorded in the database ({@link SyncHistory}) before the release is served, so a
 * token for any served release can be answered by any replica. A delta compares the current release's hashes with
 * the token's release's: an item is sent when its hash differs or it is new, a tombstone when it is gone.
 */
@ApplicationScoped
public class SyncService {
    private static final Logger LOG = Logger.getLogger(SyncService.class);
    static final String PATH = "/api/v1/sync";

    private final EssayService essays;
    private final SparseFields fields;
    private final ObjectMapper mapper;
    private final SyncHistory history;
    private final SyncTokens tokens;
    private final String assetBaseUrl;
    private final int retained;

    SyncService(EssayService essays, SparseFields fields, ObjectMapper mapper, SyncHistory history, SyncTokens tokens,
                EssaysConfig config) {
        this.essays = essays;
        this.fields = fields;
        this.mapper = mapper;
        this.history = history;
        this.tokens = tokens;
        String base = config.assetBaseUrl();
        this.assetBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.retained = config.sync().retainedReleases();
    }

    /**
     * Hashes and records the items of a release before it is served. A release already recorded (this replica
     * restarting, or another replica that loaded it first) needs no recording, and its hashes only serve sync requests:
     * they are computed beside the rest of the start-up instead, and readiness waits for them with the other derived
     * structures ({@link CorpusSnapshot#prepareInBackground}).
     */
    void onLoaded(@Observes CorpusLoaded loaded) {
        long started = System.nanoTime();
        CorpusSnapshot snapshot = loaded.snapshot();
        history.deployment();
        if (history.retained(snapshot.releaseId())) {
            snapshot.prepareInBackground(SyncIndex.class, s -> {
                long hashing = System.nanoTime();
                SyncIndex index = build(s);
                LOG.infof("Sync: %d items of release %d hashed in %d ms (recorded before)", index.hashes().size(),
                        s.releaseId(), (System.nanoTime() - hashing) / 1_000_000);
                return index;
            });
            return;
        }
        SyncIndex index = index(snapshot);
        history.record(snapshot.releaseId(), index.hashes(), retained);
        LOG.infof("Sync: %d items of release %d hashed and recorded in %d ms", index.hashes().size(),
                snapshot.releaseId(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The sync index of a snapshot, built once. Essays, nearly all the work (each is serialized as sync serves it), are
     * hashed in parallel; the JSON is streamed into the digest, never held.
     */
    SyncIndex index(CorpusSnapshot snapshot) {
        return snapshot.derived(SyncIndex.class, this::build);
    }

    private SyncIndex build(CorpusSnapshot s) {
        var hashes = new HashMap<ItemKey, String>();
        s.series().forEach(x -> hashes.put(new ItemKey(ItemKey.Type.SERIES, x.slug()), hash(series(x))));
        s.assets().values().forEach(a -> hashes.put(new ItemKey(ItemKey.Type.ASSET, a.path()), hash(asset(a))));
        String[] essayHashes = s.essays().parallelStream().map(e -> hash(essays.detail(s, e.slug())))
                .toArray(String[]::new);
        for (int i = 0; i < essayHashes.length; i++) {
            hashes.put(new ItemKey(ItemKey.Type.ESSAY, s.essays().get(i).slug()), essayHashes[i]);
        }
        return new SyncIndex(s.releaseId(), hashes);
    }

    /** The token standing for {@code release}: the bundle's and a last page's {@code nextSyncToken}. */
    public String tokenFor(long release) {
        return tokens.encode(SyncToken.sync(history.deployment(), release));
    }

    /** A validated sync request: where it starts, which release ends it, which items it has sent. */
    record Request(SyncToken token, long from, long base, ItemKey after, int limit, Set<String> fields) {
        /** The newest release the request names; a replica behind it must load newer releases first. */
        long newest() {
            return Math.max(from, base);
        }

        /** Names everything a page depends on besides the release, in one spelling. */
        String key() {
            return "sync?from=" + from + "&base=" + base + "&after="
                    + (after == null ? "" : after.type().wire() + ":" + after.key()) + "&limit=" + limit
                    + "&fields=" + String.join(",", fields);
        }
    }

    /**
     * Parses and checks the parameters: 400 for a malformed or forged token, an unknown field or a bad limit; 410 for
     * a token of another deployment.
     */
    Request request(String token, String limit, String fieldList, int defaultLimit, int maxLimit) {
        int n = QueryParameters.integer("limit", limit, defaultLimit, 1, maxLimit);
        Set<String> keep = fields.parse(fieldList, io.essays.essay.EssayDetail.class);
        if (token == null || token.isEmpty()) {
            return new Request(null, 0, 0, null, n, keep);
        }
        SyncToken t = tokens.decode(token.strip());
        if (!t.deployment().equals(history.deployment())) {
            throw gone("The sync token was issued by another deployment of this service (another database), whose "
                    + "releases are not these");
        }
        return new Request(t, t.from(), t.base(), t.after(), n, keep);
    }

    /** One page of the sync {@code request} asks for, against {@code snapshot}; 410 when its release is not retained. */
    SyncPage page(CorpusSnapshot snapshot, Request request) {
        long current = snapshot.releaseId();
        if (request.newest() > current) {
            throw gone("The sync token names release " + request.newest() + ", which this deployment does not have");
        }
        long base = request.base() == 0 ? current : request.base();
        if (request.token() != null && !request.token().isCursor() && request.from() == current) {
            return new SyncPage(current, List.of(), null, tokens.encode(request.token()));
        }
        if (base != current && !history.retained(base)) {
            throw expired(base);
        }
        SyncIndex index = index(snapshot);
        List<SyncIndex.Change> changes = request.from() == 0 ? index.everything()
                : index.since(request.from(), from -> delta(index, from));
        List<SyncIndex.Change> rest = SyncIndex.after(changes, request.after());
        List<SyncIndex.Change> page = rest.subList(0, Math.min(request.limit(), rest.size()));
        List<SyncItem> items = new ArrayList<>(page.size());
        page.forEach(c -> items.add(item(snapshot, c, request.fields())));
        if (rest.size() > page.size()) {
            String cursor = tokens.encode(new SyncToken(history.deployment(), request.from(), base,
                    page.get(page.size() - 1).key()));
            return new SyncPage(current, items, next(cursor, request), null);
        }
        if (base != current) {
            // a release landed while the client was paging: the items sent so far mix two releases, so go on with
            // what changed since the first page's release, and end only on a page of the release being served
            String cursor = tokens.encode(new SyncToken(history.deployment(), base, current, null));
            return new SyncPage(current, items, next(cursor, request), null);
        }
        return new SyncPage(current, items, null, tokens.encode(SyncToken.sync(history.deployment(), base)));
    }

    private static String next(String cursor, Request request) {
        return PATH + "?token=" + cursor + "&limit=" + request.limit()
                + (request.fields().isEmpty() ? "" : "&fields=" + String.join(",", request.fields()));
    }

    private List<SyncIndex.Change> delta(SyncIndex index, long from) {
        Map<ItemKey, String> before = history.hashes(from).orElseThrow(() -> expired(from));
        var changes = new ArrayList<SyncIndex.Change>();
        index.hashes().forEach((key, hash) -> {
            if (!hash.equals(before.get(key))) {
                changes.add(new SyncIndex.Change(key, 0));
            }
        });
        Map<ItemKey, Long> last = null;
        for (ItemKey key : before.keySet()) {
            if (!index.hashes().containsKey(key)) {
                if (last == null) {
                    last = history.lastRecorded(from);
                }
                // release ids are consecutive: the item went in the release after the newest one that had it
                changes.add(new SyncIndex.Change(key, last.getOrDefault(key, from) + 1));
            }
        }
        changes.sort((a, b) -> a.key().compareTo(b.key()));
        return List.copyOf(changes);
    }

    private SyncItem item(CorpusSnapshot snapshot, SyncIndex.Change change, Set<String> keep) {
        ItemKey key = change.key();
        String slug = key.type() == ItemKey.Type.ASSET ? null : key.key();
        String path = key.type() == ItemKey.Type.ASSET ? key.key() : null;
        if (change.deleted()) {
            return new SyncItem(key.type().wire(), slug, path, change.deletedInRelease(), null, null, null);
        }
        return switch (key.type()) {
            case SERIES -> new SyncItem("series", slug, null, null, series(snapshot.series(slug)), null, null);
            case ASSET -> new SyncItem("asset", null, path, null, null, null, asset(snapshot.asset(path)));
            case ESSAY -> new SyncItem("essay", slug, null, null, null, fields.of(essays.detail(snapshot, slug), keep), null);
        };
    }

    static SeriesSummary series(CorpusSnapshot.SeriesData s) {
        return new SeriesSummary(s.slug(), s.title(), s.description(), s.order(), s.essays().size());
    }

    SyncAsset asset(CorpusSnapshot.AssetData a) {
        return new SyncAsset(a.path(), a.hash(), a.mediaType(), a.bytes(), a.width(), a.height(),
                assetBaseUrl + "/" + a.hash() + "/" + a.path());
    }

    /** SHA-256 of the JSON {@code value} is served as, base64url. */
    private String hash(Object value) {
        MessageDigest digest = Sha256.newDigest();
        try (var out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            mapper.writeValue(out, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot hash " + value.getClass(), e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
    }

    static DomainException gone(String why) {
        return new DomainException.SyncRestartRequired(
                why + ". Discard the token and run an initial sync (GET " + PATH + "), whose items replace everything synced so far");
    }

    private static DomainException expired(long release) {
        return gone("The sync token names release " + release + ", older than the history this service keeps");
    }
}
