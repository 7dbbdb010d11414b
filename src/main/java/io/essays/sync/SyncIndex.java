package io.essays.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The sync view of one release, built when it is loaded: every item in sync order with the hash of its content as
 * served, and the change lists from older releases computed so far (a few, kept by recency: they hold keys only).
 */
final class SyncIndex {
    /** One entry of a change list: an item to send, or a tombstone when {@code deletedInRelease > 0}. */
    record Change(ItemKey key, long deletedInRelease) {
        boolean deleted() {
            return deletedInRelease > 0;
        }
    }

    private final long release;
    private final List<ItemKey> items;
    private final Map<ItemKey, String> hashes;
    private final List<Change> everything;
    private final Cache<Long, List<Change>> deltas = Caffeine.newBuilder().maximumSize(64).build();

    SyncIndex(long release, Map<ItemKey, String> hashes) {
        this.release = release;
        this.hashes = Map.copyOf(hashes);
        var sorted = new ArrayList<>(hashes.keySet());
        Collections.sort(sorted);
        this.items = List.copyOf(sorted);
        this.everything = items.stream().map(k -> new Change(k, 0)).toList();
    }

    long release() {
        return release;
    }

    Map<ItemKey, String> hashes() {
        return hashes;
    }

    /** Every item of the release: what an initial sync sends. */
    List<Change> everything() {
        return everything;
    }

    /** The changes since {@code from}, computed by {@code compute} once while they stay cached. */
    List<Change> since(long from, LongFunction<List<Change>> compute) {
        return deltas.get(from, compute::apply);
    }

    /** The changes after {@code after} (exclusive; null for from the start) in sync order. */
    static List<Change> after(List<Change> changes, ItemKey after) {
        if (after == null) {
            return changes;
        }
        int low = 0;
        int high = changes.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (changes.get(mid).key().compareTo(after) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return changes.subList(low, changes.size());
    }
}
