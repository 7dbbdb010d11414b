-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL (production).

-- One row per imported corpus; the newest row is the release being served.
CREATE TABLE corpus_release (
    id           BIGINT       NOT NULL PRIMARY KEY,
    content_hash VARCHAR(64)  NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    series_count INTEGER      NOT NULL,
    essay_count  INTEGER      NOT NULL,
    link_count   INTEGER      NOT NULL
);

-- A single row locked by every import, so that replicas sharing one database import one at a time.
CREATE TABLE import_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO import_lock (id) VALUES (1);

CREATE TABLE series (
    slug        VARCHAR(100)  NOT NULL PRIMARY KEY,
    title       VARCHAR(500)  NOT NULL,
    description VARCHAR(4000) NOT NULL,
    position    INTEGER       NOT NULL
);

CREATE TABLE essay (
    slug            VARCHAR(100)  NOT NULL PRIMARY KEY,
    series_slug     VARCHAR(100)  NOT NULL REFERENCES series (slug),
    position        INTEGER       NOT NULL,
    title           VARCHAR(500)  NOT NULL,
    summary         VARCHAR(4000) NOT NULL,
    published       DATE          NOT NULL,
    updated         DATE,
    word_count      INTEGER       NOT NULL,
    reading_minutes INTEGER       NOT NULL,
    source          VARCHAR       NOT NULL,
    html            VARCHAR       NOT NULL,
    plain_text      VARCHAR       NOT NULL,
    lead_text       VARCHAR       NOT NULL,
    CONSTRAINT essay_series_position UNIQUE (series_slug, position)
);

CREATE TABLE essay_tag (
    essay_slug VARCHAR(100) NOT NULL REFERENCES essay (slug),
    position   INTEGER      NOT NULL,
    tag        VARCHAR(100) NOT NULL,
    PRIMARY KEY (essay_slug, position)
);
CREATE INDEX essay_tag_tag ON essay_tag (tag);

CREATE TABLE essay_alias (
    essay_slug VARCHAR(100) NOT NULL REFERENCES essay (slug),
    position   INTEGER      NOT NULL,
    alias      VARCHAR(200) NOT NULL,
    PRIMARY KEY (essay_slug, position)
);

-- Headings in document order, with the first paragraph of each section for link previews.
CREATE TABLE essay_heading (
    essay_slug           VARCHAR(100) NOT NULL REFERENCES essay (slug),
    position             INTEGER      NOT NULL,
    level                INTEGER      NOT NULL,
    anchor               VARCHAR(300) NOT NULL,
    text                 VARCHAR(1000) NOT NULL,
    first_paragraph_text VARCHAR      NOT NULL,
    first_paragraph_html VARCHAR      NOT NULL,
    section_text         VARCHAR      NOT NULL,
    PRIMARY KEY (essay_slug, position)
);

-- Every cross-link occurrence, in document order within its source essay.
CREATE TABLE essay_link (
    source_slug  VARCHAR(100) NOT NULL REFERENCES essay (slug),
    position     INTEGER      NOT NULL,
    target_slug  VARCHAR(100) NOT NULL REFERENCES essay (slug),
    anchor       VARCHAR(300),
    link_text    VARCHAR(1000) NOT NULL,
    section_id   VARCHAR(300),
    line         INTEGER      NOT NULL,
    context_text VARCHAR      NOT NULL,
    context_html VARCHAR      NOT NULL,
    PRIMARY KEY (source_slug, position)
);
CREATE INDEX essay_link_target ON essay_link (target_slug);
