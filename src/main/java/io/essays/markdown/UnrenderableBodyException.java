package io.essays.markdown;

/**
 * A body the renderer refuses rather than spend minutes or the stack on: its block quotes and lists go deeper than
 * {@link MarkdownRenderer#MAX_NESTING} levels, rendering it overflowed the stack, or it holds more than
 * {@link MarkdownRenderer#MAX_ANGLE_BRACKETS} {@code <} (commonmark's inline parser takes time quadratic in a run of
 * them). {@link #line()} is the file line where the body goes wrong, or the body's first line when only the overflow
 * tells.
 */
public final class UnrenderableBodyException extends RuntimeException {
    private final int line;

    UnrenderableBodyException(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    /** One-based line in the file. */
    public int line() {
        return line;
    }
}
