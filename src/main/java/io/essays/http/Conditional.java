package io.essays.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The HTTP caching rules, independent of the server API: RFC 9110 §13 conditional requests (If-None-Match with weak
 * comparison, lists and {@code *}; If-Modified-Since only without If-None-Match) and gzip negotiation.
 */
public final class Conditional {
    private Conditional() {
    }

    /** What to send: 304 or 200, and which variant. */
    public record Decision(boolean notModified, boolean gzip, String etag) {
    }

    public static Decision decide(Representation representation, Instant lastModified, String ifNoneMatch,
                                  String ifModifiedSince, String acceptEncoding) {
        boolean gzip = representation.gzip() != null && acceptsGzip(acceptEncoding);
        String etag = gzip ? representation.gzipEtag() : representation.etag();
        return new Decision(notModified(representation, lastModified, ifNoneMatch, ifModifiedSince), gzip, etag);
    }

    static boolean notModified(Representation representation, Instant lastModified, String ifNoneMatch,
                               String ifModifiedSince) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || representation.matches(t)) {
                    return true;
                }
            }
            return false;
        }
        // HTTP dates have whole seconds, so compare the release time as the header states it
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        return HttpDates.parse(ifModifiedSince).map(since -> !modified.isAfter(since)).orElse(false);
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.strip().split(";");
            String coding = pieces[0].strip();
            if (coding.equals("gzip") || coding.equals("*")) {
                double q = 1;
                for (int i = 1; i < pieces.length; i++) {
                    String p = pieces[i].strip();
                    if (p.startsWith("q=")) {
                        try {
                            q = Double.parseDouble(p.substring(2));
                        } catch (NumberFormatException e) {
                            q = 0;
                        }
                    }
                }
                if (q > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
