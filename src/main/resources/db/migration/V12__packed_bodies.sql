-- An essay's long texts are stored packed, as the snapshot holds them (io.essays.corpus.PackedText#stored: the UTF-8
-- length in four bytes, then the UTF-8 deflated when that is worth it): the import packs them once, and a start reads
-- a third of the bytes and deflates nothing. packed_html_tex is null when the TeX variant is the HTML itself (no
-- math). Rows written before this migration keep their text columns and are packed when loaded; new rows leave them
-- null. Portable SQL, as V1 (BYTEA is H2's BINARY VARYING, up to 1,000,000,000 bytes).
ALTER TABLE essay ADD COLUMN packed_source BYTEA;
ALTER TABLE essay ADD COLUMN packed_html BYTEA;
ALTER TABLE essay ADD COLUMN packed_html_tex BYTEA;
ALTER TABLE essay ADD COLUMN packed_plain_text BYTEA;
ALTER TABLE essay ALTER COLUMN source DROP NOT NULL;
ALTER TABLE essay ALTER COLUMN html DROP NOT NULL;
ALTER TABLE essay ALTER COLUMN html_tex DROP NOT NULL;
ALTER TABLE essay ALTER COLUMN html_tex DROP DEFAULT;
ALTER TABLE essay ALTER COLUMN plain_text DROP NOT NULL;
