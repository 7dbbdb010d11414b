package io.essays.markdown;

import org.commonmark.node.CustomBlock;

/** A display-math block opened by a line starting with {@code $$} and closed by a line ending with {@code $$}. */
public final class DisplayMath extends CustomBlock {
    private final StringBuilder tex = new StringBuilder();
    private final int openingLine;
    private boolean closed;
    private String mathMl;

    DisplayMath(int openingLine) {
        this.openingLine = openingLine;
    }

    void append(CharSequence line) {
        if (!tex.isEmpty()) {
            tex.append('\n');
        }
        tex.append(line);
    }

    void close() {
        closed = true;
    }

    public String tex() {
        return tex.toString().strip();
    }

    /** Zero-based line of the opening {@code $$} within the parsed text. */
    public int openingLine() {
        return openingLine;
    }

    public boolean closed() {
        return closed;
    }

    /** The MathML rendered for this formula at import, or null (not rendered, or invalid TeX). */
    public String mathMl() {
        return mathMl;
    }

    void mathMl(String mathMl) {
        this.mathMl = mathMl;
    }
}
