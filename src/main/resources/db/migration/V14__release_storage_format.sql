-- The storage format each release is written in (io.essays.store.CorpusRelease#STORAGE_FORMAT): the number of the
-- migration that last changed how a release's rows are laid out. A replica keeps serving its release while the newest
-- one is in a format newer than it reads, and its imports refuse to replace such a release, so that replicas of two
-- versions can share the database during a rolling update (from this version on; see the README's Operations).
-- Releases written before this migration are in formats up to 13 (V13's packed headings), which this version reads.
-- Portable SQL, as V1.
ALTER TABLE corpus_release ADD COLUMN storage_format INTEGER DEFAULT 13 NOT NULL;
