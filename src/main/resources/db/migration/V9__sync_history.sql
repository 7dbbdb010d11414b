-- Delta sync (issue #13), portable SQL as V1: what every series, essay and asset looked like in each recent release,
-- as a content hash, so that a sync token naming an old release can be answered with what changed since, by any
-- replica, after any restart. Kept for the last essays.sync.retained-releases releases.

-- Identifies this deployment (this database): tokens from another one are refused with 410, since release ids of two
-- databases mean different things. One row, created by the first replica that starts.
CREATE TABLE sync_deployment (
    id         INTEGER     NOT NULL PRIMARY KEY,
    deployment VARCHAR(64) NOT NULL
);

-- The releases whose item hashes are recorded (a release of an empty corpus has a row and no items).
CREATE TABLE sync_release (
    release_id BIGINT  NOT NULL PRIMARY KEY REFERENCES corpus_release (id),
    item_count INTEGER NOT NULL
);

-- One row per item of a release: type 'series' (key = slug), 'essay' (key = slug) or 'asset' (key = path), and a hash
-- of the item exactly as sync serves it.
CREATE TABLE sync_item (
    release_id   BIGINT       NOT NULL REFERENCES sync_release (release_id),
    item_type    VARCHAR(10)  NOT NULL,
    item_key     VARCHAR(500) NOT NULL,
    content_hash VARCHAR(44)  NOT NULL,
    PRIMARY KEY (release_id, item_type, item_key)
);
