package io.essays.markdown;

/** TeX that the math renderer cannot parse; the message is the renderer's own (KaTeX's parse error). */
public final class InvalidMathException extends RuntimeException {
    public InvalidMathException(String message) {
        super(message, null, false, false);
    }
}
