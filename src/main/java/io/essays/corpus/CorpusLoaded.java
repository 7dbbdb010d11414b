package io.essays.corpus;

/**
 * Fired synchronously when a snapshot has been loaded and before it is served, so that observers can build what they
 * derive from it (for example the search index); readers see the snapshot only once every observer has returned.
 * {@code nothingServed} is true when this process served no release before (the stored release loaded at start-up,
 * or the first import into an empty database): observers may then build in the background
 * ({@link CorpusSnapshot#prepareInBackground}), since readiness waits for it ({@link CorpusReadiness}) and a request
 * that needs it waits too; every other load is served only once its observers have returned.
 */
public record CorpusLoaded(CorpusSnapshot snapshot, boolean nothingServed) {
}
