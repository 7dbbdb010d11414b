package io.essays.markdown;

import java.util.Collection;

/**
 * Turns TeX into a MathML {@code <math>} element at import. The Markdown pipeline asks for every formula of a body;
 * implementations may render, look up a cache, or both.
 */
public interface MathRenderer {

    /**
     * The MathML of one formula: a {@code <math>} element (with {@code display="block"} for display math) that keeps
     * the TeX in {@code <semantics><annotation encoding="application/x-tex">}.
     *
     * @throws InvalidMathException when the TeX cannot be parsed, with the renderer's message
     */
    String toMathMl(Formula formula);

    /** Identifies what this renderer produces (e.g. {@code katex-0.16.47}); part of every cache key. */
    String version();

    /**
     * Called with every distinct formula of a corpus before its essays are rendered, so that an implementation can
     * render them in bulk (in parallel, or from a cache). The default does nothing.
     */
    default void prepare(Collection<Formula> formulas) {
    }
}
