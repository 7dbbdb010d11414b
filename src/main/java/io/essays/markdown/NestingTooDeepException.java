package io.essays.markdown;

/**
 * A body nested too deeply to render: its block quotes and lists go deeper than {@link MarkdownRenderer#MAX_NESTING}
 * levels, or rendering it overflowed the stack. {@link #line()} is the file line where the nesting goes too deep, or
 * the body's first line when only the overflow tells.
 */
public final class NestingTooDeepException extends RuntimeException {
    private final int line;

    NestingTooDeepException(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    /** One-based line in the file. */
    public int line() {
        return line;
    }
}
