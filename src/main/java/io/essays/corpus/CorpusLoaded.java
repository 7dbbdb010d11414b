package io.essays.corpus;

/**
 * Fired synchronously when a snapshot has been loaded and before it is served, so that observers can build what they
 * derive from it (for example the search index); readers see the snapshot only once every observer has returned.
 * {@code startUp} is true for the stored release loaded at start-up, when nothing was served before: observers may
 * then build in the background ({@link CorpusSnapshot#prepareInBackground}), since readiness waits for it
 * ({@link CorpusReadiness}); every other load is served only once its observers have returned.
 */
public record CorpusLoaded(CorpusSnapshot snapshot, boolean startUp) {
}
