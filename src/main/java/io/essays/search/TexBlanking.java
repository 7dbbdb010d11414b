package io.essays.search;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

import org.apache.lucene.analysis.CharFilter;

/**
 * Blanks out TeX commands ({@code \frac}, {@code \mathrm}) and one-character TeX escapes ({@code \,}, <code>\{</code>)
 * before tokenizing: a backslash and the ASCII letters after it, or a backslash and the one character after it that is
 * neither an ASCII letter nor whitespace (the regular expression {@code \\(?:[A-Za-z]+|[^A-Za-z\s])}), scanned by
 * hand. Each blanked character becomes a space, so the text keeps its length: a token's offsets need no correction
 * and point into the original text as they are. The tokens are those of replacing every command by one space (a run
 * of spaces separates words as one does), only cheaper: no pattern, and no offset map to search for every token.
 */
final class TexBlanking extends CharFilter {
    private char[] text;
    private int length;
    private int next;

    TexBlanking(Reader input) {
        super(input);
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        if (text == null) {
            fill();
        }
        if (next >= length) {
            return -1;
        }
        int n = Math.min(count, length - next);
        System.arraycopy(text, next, buffer, offset, n);
        next += n;
        return n;
    }

    private void fill() throws IOException {
        char[] chars = new char[1024];
        int n = 0;
        for (int read; (read = input.read(chars, n, chars.length - n)) != -1; ) {
            n += read;
            if (n == chars.length) {
                chars = Arrays.copyOf(chars, chars.length * 2);
            }
        }
        blank(chars, n);
        text = chars;
        length = n;
    }

    /**
     * Replaces, left to right, every backslash followed by ASCII letters (all of them), or by one character that is
     * neither an ASCII letter nor whitespace, with spaces; a backslash before whitespace or at the end stays.
     */
    static void blank(char[] chars, int length) {
        for (int i = 0; i < length; i++) {
            if (chars[i] != '\\' || i + 1 == length) {
                continue;
            }
            int end = i + 1;
            if (isAsciiLetter(chars[end])) {
                while (end < length && isAsciiLetter(chars[end])) {
                    end++;
                }
            } else if (!isPatternSpace(chars[end])) {
                end += Character.isHighSurrogate(chars[end]) && end + 1 < length
                        && Character.isLowSurrogate(chars[end + 1]) ? 2 : 1;
            } else {
                continue;
            }
            Arrays.fill(chars, i, end, ' ');
            i = end - 1;
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** {@code \s} of a {@link java.util.regex.Pattern} without flags: {@code [ \t\n\x0B\f\r]}. */
    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
