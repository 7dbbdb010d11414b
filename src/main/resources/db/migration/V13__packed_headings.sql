-- An essay's headings are stored in its row, packed (io.essays.corpus.PackedHeadings): each heading's level, id, text
-- and first paragraph's HTML, with its section and first paragraph as ranges of the essay's plain text rather than
-- copies of it. The import places the sections once; a load reads one value per essay and searches no text. Rows
-- written before this migration keep their essay_heading rows and a null packed_headings; new rows write no
-- essay_heading rows. Portable SQL, as V1.
ALTER TABLE essay ADD COLUMN packed_headings BYTEA;
