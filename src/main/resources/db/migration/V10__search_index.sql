-- The search index of the newest release as Lucene wrote it (issue #16), portable SQL as V1: the replica that builds a
-- release's index first stores it here, and every later start (and every other replica) reads these bytes instead of
-- analysing the whole corpus again. Only one release's index is kept; a release without rows is indexed on its load.
-- format names how the index was built (Lucene version and a fingerprint of the indexing code, see SearchIndex.FORMAT):
-- rows of another format are ignored and replaced. Files are split into chunks of at most 1 MiB.
CREATE TABLE search_index_file (
    release_id BIGINT       NOT NULL REFERENCES corpus_release (id),
    format     VARCHAR(100) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    chunk      INTEGER      NOT NULL,
    content    BYTEA        NOT NULL,
    PRIMARY KEY (release_id, name, chunk)
);
