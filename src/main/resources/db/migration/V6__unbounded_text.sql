-- Text written by authors is stored whatever its length (portable SQL, as V1: VARCHAR without a length is unbounded
-- on PostgreSQL and H2's largest CHARACTER VARYING). Only keys keep a length: slugs and tags (at most 100 characters,
-- checked with file and line by the reader, because they are indexed and PostgreSQL's index entries are bounded).
ALTER TABLE series ALTER COLUMN title SET DATA TYPE VARCHAR;
ALTER TABLE series ALTER COLUMN description SET DATA TYPE VARCHAR;

ALTER TABLE essay ALTER COLUMN title SET DATA TYPE VARCHAR;
ALTER TABLE essay ALTER COLUMN summary SET DATA TYPE VARCHAR;

ALTER TABLE essay_alias ALTER COLUMN alias SET DATA TYPE VARCHAR;

ALTER TABLE essay_heading ALTER COLUMN anchor SET DATA TYPE VARCHAR;
ALTER TABLE essay_heading ALTER COLUMN text SET DATA TYPE VARCHAR;

ALTER TABLE essay_link ALTER COLUMN anchor SET DATA TYPE VARCHAR;
ALTER TABLE essay_link ALTER COLUMN link_text SET DATA TYPE VARCHAR;
ALTER TABLE essay_link ALTER COLUMN section_id SET DATA TYPE VARCHAR;

ALTER TABLE essay_mention ALTER COLUMN term SET DATA TYPE VARCHAR;
ALTER TABLE essay_mention ALTER COLUMN matched_text SET DATA TYPE VARCHAR;
ALTER TABLE essay_mention ALTER COLUMN section_id SET DATA TYPE VARCHAR;
