-- Math rendered to MathML at import (portable SQL, as V1).

-- Rendered formulas, keyed by a SHA-256 of (renderer version, display mode, TeX): a re-import renders only formulas it
-- has not seen, and a restart with an unchanged corpus renders none. Rows are never invalid, only unused.
CREATE TABLE formula_cache (
    formula_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    mathml       VARCHAR     NOT NULL
);

-- The essay HTML with math left as escaped TeX (?math=tex); essay.html carries MathML.
ALTER TABLE essay ADD COLUMN html_tex VARCHAR NOT NULL DEFAULT '';
