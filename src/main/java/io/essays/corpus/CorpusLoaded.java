package io.essays.corpus;

/**
 * Fired synchronously when a snapshot has been loaded and before it is served, so that observers can build what they
 * derive from it (for example the search index); readers see the snapshot only once every observer has returned.
 * {@code first} is true when no snapshot was served before (start-up): observers may then build in the background
 * ({@link CorpusSnapshot#prepareInBackground}), since readiness waits for it ({@link CorpusReadiness}).
 */
public record CorpusLoaded(CorpusSnapshot snapshot, boolean first) {
}
