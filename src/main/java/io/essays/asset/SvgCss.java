package io.essays.asset;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether CSS inside an SVG (a {@code <style>} element or a {@code style} attribute) is safe to serve. It is an
 * allow-list, not a parser: custom properties, {@code var(--fg)} and {@code @media (prefers-color-scheme: dark)} pass
 * (that is how the corpus's figures follow light and dark themes); anything that can fetch or run something does not:
 * {@code @import} and every at-rule but {@code @media}/{@code @supports}, {@code url(…)} other than a same-document
 * {@code url(#id)}, any function outside a short list of colour, maths and selector functions (so {@code expression(},
 * {@code image-set(}, {@code src(} …), {@code javascript:}, {@code -moz-binding}, {@code behavior}, and escapes
 * ({@code \75 rl(}) that could spell any of those. Comments are removed before checking.
 */
final class SvgCss {
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?(\\*/|\\z)", Pattern.DOTALL);
    private static final Pattern FUNCTION = Pattern.compile("(?<![a-z0-9_@-])(-?[a-z_][a-z0-9_-]*)\\(");
    private static final Pattern AT_RULE = Pattern.compile("@(-?[a-z_][a-z0-9_-]*)");
    private static final Pattern FRAGMENT = Pattern.compile("#[A-Za-z_][A-Za-z0-9_.:-]*");
    private static final Set<String> FUNCTIONS = Set.of("var", "calc", "min", "max", "clamp", "rgb", "rgba", "hsl",
            "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color-mix", "url", "translate", "translatex", "translatey",
            "rotate", "scale", "scalex", "scaley", "skewx", "skewy", "matrix", "not", "is", "where", "nth-child",
            "nth-last-child", "nth-of-type", "nth-last-of-type", "lang");
    private static final Set<String> AT_RULES = Set.of("media", "supports");
    private static final String[] FORBIDDEN = {"javascript:", "vbscript:", "-moz-binding", "behavior", "expression"};

    private SvgCss() {
    }

    /** Why the CSS is unsafe, or null when it may be served (with comments removed, see {@link #withoutComments}). */
    static String problem(String css) {
        String text = withoutComments(css).toLowerCase(Locale.ROOT);
        if (text.indexOf('\\') >= 0) {
            return "CSS escapes (\\) are not allowed";
        }
        for (String word : FORBIDDEN) {
            if (text.contains(word)) {
                return "'" + word + "' is not allowed in CSS";
            }
        }
        Matcher at = AT_RULE.matcher(text);
        while (at.find()) {
            if (!AT_RULES.contains(at.group(1))) {
                return "@" + at.group(1) + " is not allowed in CSS (only @media and @supports)";
            }
        }
        Matcher function = FUNCTION.matcher(text);
        while (function.find()) {
            if (!FUNCTIONS.contains(function.group(1))) {
                return function.group(1) + "(…) is not allowed in CSS";
            }
        }
        // scanned, not matched: a pattern with a lazy argument went back over the rest of the line for every url( left
        // open, which made a 2 MB style sheet of them hours of import
        for (int i = text.indexOf("url("); i >= 0; ) {
            int[] end = new int[1];
            String reference = urlReference(text, i + "url(".length(), end);
            if (reference == null) {
                return "an unterminated url( is not allowed in CSS";
            }
            if (!FRAGMENT.matcher(reference.strip()).matches()) {
                return "url(" + reference + ") is not allowed in CSS: only same-document references such as url(#id)";
            }
            // a fragment holds no url(, so the next one starts after this one's ')'
            i = text.indexOf("url(", end[0]);
        }
        return null;
    }

    /**
     * The reference of the {@code url(} whose argument starts at {@code from}: quoted ({@code "…"} or {@code '…'}) or
     * not, then {@code )} after optional blanks, all on one line; null when it has no such end. Sets {@code end[0]} past
     * the {@code )}.
     */
    private static String urlReference(String text, int from, int[] end) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return null;
        }
        char quote = text.charAt(i);
        String reference;
        int close;
        if (quote == '"' || quote == '\'') {
            int closingQuote = text.indexOf(quote, i + 1);
            if (closingQuote < 0) {
                return null;
            }
            reference = text.substring(i + 1, closingQuote);
            close = closingQuote + 1;
            while (close < text.length() && Character.isWhitespace(text.charAt(close))) {
                close++;
            }
            if (close == text.length() || text.charAt(close) != ')') {
                return null;
            }
        } else {
            close = text.indexOf(')', i);
            if (close < 0) {
                return null;
            }
            // blanks before the ')' belong to the url(, not to the reference
            reference = text.substring(i, close).stripTrailing();
        }
        if (reference.indexOf('\n') >= 0 || reference.indexOf('\r') >= 0) {
            return null;
        }
        end[0] = close + 1;
        return reference;
    }

    /** The CSS without its comments (which could otherwise hide text from a reader, never from a browser). */
    static String withoutComments(String css) {
        return COMMENT.matcher(css).replaceAll("");
    }

    /** Whether an attribute value is safe: every {@code url(…)} in it points into the document, nothing runs. */
    static boolean safeValue(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.contains("url(") && !v.contains(":") && !v.contains("\\") && !v.contains("(")) {
            return true;
        }
        return problem(value) == null;
    }
}
