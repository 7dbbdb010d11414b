-- Assets (images under content/assets/), portable SQL as V1. The bytes are stored once per content hash, so an import
-- that leaves a file unchanged does not write its bytes again; paths and essays point at hashes.

-- The bytes served for a hash (an SVG as sanitized at import), with what is known about them.
CREATE TABLE asset_blob (
    hash       VARCHAR(64)  NOT NULL PRIMARY KEY,
    media_type VARCHAR(100) NOT NULL,
    byte_count INTEGER      NOT NULL,
    width      INTEGER      NOT NULL,
    height     INTEGER      NOT NULL,
    content    BYTEA        NOT NULL
);

-- Every asset file of the current corpus: its path under content/assets/ and the hash of its bytes.
CREATE TABLE asset_file (
    path VARCHAR(500) NOT NULL PRIMARY KEY,
    hash VARCHAR(64)  NOT NULL REFERENCES asset_blob (hash)
);

-- The assets each essay uses, in document order, with the alt text and caption of each use and the URL rendered.
CREATE TABLE essay_asset (
    essay_slug VARCHAR(100)  NOT NULL REFERENCES essay (slug),
    position   INTEGER       NOT NULL,
    asset_path VARCHAR(500)  NOT NULL REFERENCES asset_file (path),
    url        VARCHAR(1000) NOT NULL,
    alt        VARCHAR(2000) NOT NULL,
    caption    VARCHAR(2000),
    line       INTEGER       NOT NULL,
    PRIMARY KEY (essay_slug, position)
);
