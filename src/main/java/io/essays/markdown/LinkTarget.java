package io.essays.markdown;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a Markdown link destination points at: another essay, a heading of this essay, an external URL, or nothing safe. */
public record LinkTarget(Kind kind, String slug, String anchor) {

    public enum Kind {
        /** {@code softmax.md} or {@code softmax.md#temperature}: another essay of the corpus. */
        ESSAY,
        /** {@code #heading-id}: a heading of the same essay. */
        ANCHOR,
        /** {@code http:}, {@code https:}, {@code mailto:} or protocol-relative. */
        EXTERNAL,
        /** A relative path that is not an essay file; it cannot resolve for API clients. */
        OTHER_RELATIVE,
        /** Any other scheme ({@code javascript:}, {@code data:}, {@code file:} …): never rendered. */
        UNSAFE
    }

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern ESSAY_FILE = Pattern.compile("^(?:\\./)?(?:\\.\\./essays/)?([^/]+)\\.md$");

    public static LinkTarget of(String destination) {
        String dest = destination == null ? "" : destination.strip();
        var scheme = SCHEME.matcher(dest);
        if (scheme.find()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            boolean safe = name.equals("http") || name.equals("https") || name.equals("mailto");
            return new LinkTarget(safe ? Kind.EXTERNAL : Kind.UNSAFE, null, null);
        }
        if (dest.startsWith("//")) {
            return new LinkTarget(Kind.EXTERNAL, null, null);
        }
        if (dest.startsWith("#")) {
            return new LinkTarget(Kind.ANCHOR, null, decode(dest.substring(1)));
        }
        int hash = dest.indexOf('#');
        String path = hash < 0 ? dest : dest.substring(0, hash);
        String anchor = hash < 0 || hash == dest.length() - 1 ? null : decode(dest.substring(hash + 1));
        var file = ESSAY_FILE.matcher(path);
        if (file.matches()) {
            return new LinkTarget(Kind.ESSAY, decode(file.group(1)), anchor);
        }
        return new LinkTarget(Kind.OTHER_RELATIVE, null, null);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
