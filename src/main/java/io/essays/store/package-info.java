/**
 * The system of record: the JPA entities (one per table), {@link io.essays.store.CorpusWriter} that replaces a release
 * in one transaction, and {@link io.essays.store.SnapshotLoader} that reads the newest release into the immutable
 * {@link io.essays.corpus.CorpusSnapshot}. Only the importer (and the webhook outbox, for its own table) use this
 * package; feature packages read the snapshot and never import it, so dependencies point one way
 * ({@code PackageDependenciesTest} fails on a cycle; {@code bench/package-graph.py} prints the graph).
 */
package io.essays.store;
