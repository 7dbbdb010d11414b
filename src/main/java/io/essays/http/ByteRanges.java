package io.essays.http;

import java.util.Optional;

/**
 * Single-range requests (RFC 9110 §14) on a body held in memory, which JAX-RS does not handle (Vert.x does for static
 * files only). {@link #select} turns {@code Range} and {@code If-Range} into what to send: the whole body, one range,
 * or nothing satisfiable (416). Multiple ranges are answered with the whole body, which §14.2 allows ("a server MAY
 * ignore the Range header field"), as is any syntax error and any unit other than {@code bytes}.
 */
public final class ByteRanges {
    private ByteRanges() {
    }

    /** What a request asks for. */
    public sealed interface Selection permits Whole, Part, Unsatisfiable {
    }

    /** Send the whole body, 200. */
    public record Whole() implements Selection {
    }

    /** Send bytes {@code first} to {@code last} inclusive, 206 with {@code Content-Range}. */
    public record Part(long first, long last, long size) implements Selection {
        public long length() {
            return last - first + 1;
        }

        public String contentRange() {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** No range of the request overlaps the body: 416 with {@code Content-Range: bytes *}{@code /size}. */
    public record Unsatisfiable(long size) implements Selection {
        public String contentRange() {
            return "bytes */" + size;
        }
    }

    /**
     * What to send for a GET of a body of {@code size} bytes with validators {@code etag} (strong) and
     * {@code lastModified} (an HTTP date). {@code If-Range} (§13.1.5) lets the range through only when it names the
     * current representation: a strong entity-tag equal to {@code etag}, or a date equal to {@code lastModified};
     * otherwise the whole body is sent, so a resumed download never splices two versions.
     */
    public static Selection select(String range, String ifRange, long size, String etag, String lastModified) {
        if (range == null) {
            return new Whole();
        }
        if (ifRange != null && !ifRangeMatches(ifRange.strip(), etag, lastModified)) {
            return new Whole();
        }
        return parse(range, size).orElse(new Whole());
    }

    static boolean ifRangeMatches(String ifRange, String etag, String lastModified) {
        if (ifRange.startsWith("W/")) {
            return false; // weak tags never match for ranges (strong comparison, §8.8.3.2)
        }
        if (ifRange.startsWith("\"")) {
            return ifRange.equals(etag);
        }
        return HttpDates.parse(ifRange).flatMap(date -> HttpDates.parse(lastModified).map(date::equals)).orElse(false);
    }

    /** The selection of a {@code Range} value, or empty when it is to be ignored (bad syntax, another unit, several ranges). */
    static Optional<Selection> parse(String range, long size) {
        String value = range.strip();
        int eq = value.indexOf('=');
        if (eq < 0 || !value.substring(0, eq).strip().equalsIgnoreCase("bytes")) {
            return Optional.empty();
        }
        String spec = value.substring(eq + 1).strip();
        if (spec.isEmpty() || spec.contains(",")) {
            return Optional.empty();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String firstText = spec.substring(0, dash).strip();
        String lastText = spec.substring(dash + 1).strip();
        if (firstText.isEmpty()) {
            // suffix range: the last n bytes
            if (lastText.isEmpty() || !digits(lastText)) {
                return Optional.empty();
            }
            long n = number(lastText);
            if (n == 0 || size == 0) {
                return Optional.of(new Unsatisfiable(size));
            }
            return Optional.of(new Part(Math.max(0, size - n), size - 1, size));
        }
        if (!digits(firstText) || !lastText.isEmpty() && !digits(lastText)) {
            return Optional.empty();
        }
        long first = number(firstText);
        long last = lastText.isEmpty() ? Long.MAX_VALUE : number(lastText);
        if (last < first) {
            return Optional.empty(); // invalid range-spec: the header is ignored (§14.1.1)
        }
        if (first >= size) {
            return Optional.of(new Unsatisfiable(size));
        }
        return Optional.of(new Part(first, Math.min(last, size - 1), size));
    }

    /**
     * A position or length of digits, at most {@link Long#MAX_VALUE}: a number too large for a long is still a valid
     * range-spec (a last position past the end means the rest, a first one past it is unsatisfiable), not a bad one.
     */
    private static long number(String digits) {
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (n > (Long.MAX_VALUE - d) / 10) {
                return Long.MAX_VALUE;
            }
            n = n * 10 + d;
        }
        return n;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
