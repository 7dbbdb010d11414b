package io.essays.corpus;

/**
 * Where snapshots come from: implemented by the system of record ({@code io.essays.store.SnapshotLoader}), so that
 * this read-model package, and every feature reading it, never depends on the entities.
 */
public interface SnapshotSource {
    /** The newest release as a snapshot, or null when {@code served} (possibly null) is already the newest. */
    CorpusSnapshot newer(CorpusSnapshot served);

    /**
     * Why the newest release is not loaded although it is newer than the one served, when the last {@link #newer} left
     * it alone: it is stored in a format only a newer version of the service reads (a rolling update in progress).
     */
    default java.util.Optional<String> unreadable() {
        return java.util.Optional.empty();
    }
}
