-- Portable SQL (H2 and PostgreSQL), as V1. Issue #16: each essay's related essays as one row instead of one row per
-- related essay (50 per essay: 500,000 rows, two foreign keys and an index for a 10,000-essay corpus, most of the
-- import's write time). The list is written and read whole, never queried inside.
--
-- entries: one line per related essay, best first (rank = line number from 1), lines joined by LF (CHR(10)), each
-- line "related_slug TAB score TAB reasons" (reasons in RelatedReasons' stored form). Slugs, tags and reasons never
-- contain TAB or LF, so nothing is escaped. The related slugs are not foreign keys: the writer writes them from the
-- same validated corpus as the essays, in the same transaction.
CREATE TABLE essay_related_list (
    essay_slug VARCHAR(100) NOT NULL PRIMARY KEY REFERENCES essay (slug),
    entries    VARCHAR      NOT NULL
);

-- the release already stored keeps its related essays: ranks run from 1 without gaps, so the lines are built by
-- appending rank n + 1 to the list up to rank n (a recursive query: no string aggregate is spelled alike in both)
INSERT INTO essay_related_list (essay_slug, entries)
WITH RECURSIVE lists (essay_slug, rank, entries) AS (
    SELECT essay_slug, rank,
           CAST(related_slug || CHR(9) || CAST(score AS VARCHAR) || CHR(9) || reasons AS VARCHAR)
    FROM essay_related WHERE rank = 1
    UNION ALL
    SELECT r.essay_slug, r.rank,
           CAST(l.entries || CHR(10) || r.related_slug || CHR(9) || CAST(r.score AS VARCHAR) || CHR(9) || r.reasons
                AS VARCHAR)
    FROM lists l JOIN essay_related r ON r.essay_slug = l.essay_slug AND r.rank = l.rank + 1
)
SELECT l.essay_slug, l.entries FROM lists l
WHERE l.rank = (SELECT MAX(r.rank) FROM essay_related r WHERE r.essay_slug = l.essay_slug);

DROP TABLE essay_related;
