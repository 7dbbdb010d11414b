package io.essays.essay;

import io.essays.DomainException;

import java.util.Locale;

import io.essays.corpus.CorpusSnapshot.EssayData;

/** How math appears in an essay's HTML: MathML (the default) or escaped TeX for clients that typeset it themselves. */
public enum MathFormat {
    /** {@code <math>} elements, rendered by KaTeX at import, with the TeX kept as an annotation. */
    MATHML,
    /** TeX, escaped, in {@code <span class="math math-inline">} and {@code <div class="math math-display">}. */
    TEX;

    /** The {@code math} query parameter: absent, {@code mathml} or {@code tex}; a problem 400 otherwise. */
    public static MathFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return MATHML;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "mathml" -> MATHML;
            case "tex" -> TEX;
            default -> throw new DomainException.InvalidParameter("Unknown math '" + value
                    + "'; use mathml (the default: MathML elements) or tex (escaped TeX in span.math and div.math)");
        };
    }

    /** The essay's HTML in this format. */
    public String html(EssayData essay) {
        return this == TEX ? essay.htmlTex() : essay.html();
    }

    /** What to append to a representation key: nothing for the default, so that it keeps its key. */
    String keySuffix() {
        return this == MATHML ? "" : "&math=" + name().toLowerCase(Locale.ROOT);
    }
}
