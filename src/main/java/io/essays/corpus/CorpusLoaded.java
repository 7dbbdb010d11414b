package io.essays.corpus;

/**
 * Fired synchronously when a snapshot has been loaded and before it is served, so that observers can build what they
 * derive from it (for example the search index); readers see the snapshot only once every observer has returned.
 */
public record CorpusLoaded(CorpusSnapshot snapshot) {
}
