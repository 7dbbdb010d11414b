-- Link features computed at import (portable SQL, as V1): unlinked mentions and related-essay rankings.

-- Places where an essay's title or an alias appears in another essay's running text without a link to it.
CREATE TABLE essay_mention (
    essay_slug   VARCHAR(100)  NOT NULL REFERENCES essay (slug),
    position     INTEGER       NOT NULL,
    source_slug  VARCHAR(100)  NOT NULL REFERENCES essay (slug),
    term         VARCHAR(500)  NOT NULL,
    matched_text VARCHAR(1000) NOT NULL,
    section_id   VARCHAR(300),
    line         INTEGER       NOT NULL,
    context_text VARCHAR       NOT NULL,
    context_html VARCHAR       NOT NULL,
    PRIMARY KEY (essay_slug, position)
);
CREATE INDEX essay_mention_source ON essay_mention (source_slug);

-- For each essay, the essays related to it, best first, with the score and its reasons
-- (reasons as 'links-to|co-cited-by:a,b|shared-tags:x|same-series:s', see RelatedReasons).
CREATE TABLE essay_related (
    essay_slug   VARCHAR(100)     NOT NULL REFERENCES essay (slug),
    rank         INTEGER          NOT NULL,
    related_slug VARCHAR(100)     NOT NULL REFERENCES essay (slug),
    score        DOUBLE PRECISION NOT NULL,
    reasons      VARCHAR          NOT NULL,
    PRIMARY KEY (essay_slug, rank)
);
