package io.essays.markdown;

import org.commonmark.node.CustomNode;

/** Inline TeX between single dollar signs, or {@code $$…$$} inside a paragraph (then {@code display} is true). */
public final class InlineMath extends CustomNode {
    private final String tex;
    private final boolean display;
    private String mathMl;

    InlineMath(String tex, boolean display) {
        this.tex = tex;
        this.display = display;
    }

    public String tex() {
        return tex;
    }

    public boolean display() {
        return display;
    }

    /** The MathML rendered for this formula at import, or null (not rendered, or invalid TeX). */
    public String mathMl() {
        return mathMl;
    }

    void mathMl(String mathMl) {
        this.mathMl = mathMl;
    }
}
