package io.essays.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.ParsedHeaderValue;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The HTTP caching and negotiation rules, the same for {@link FastPath} and JAX-RS: RFC 9110 §13 conditional requests
 * in the order of §13.2.2 (If-Match with strong comparison, If-Unmodified-Since only without If-Match, either one
 * false a 412; then If-None-Match with weak comparison, lists and {@code *}, If-Modified-Since only without
 * If-None-Match, either one true a 304), gzip
 * negotiation (§12.5.3) and whether {@code Accept} admits a media type (§12.5.1). Headers are parsed by Vert.x
 * ({@code RoutingContext.parsedHeaders()}); this class only applies the rules to the parsed values.
 */
public final class Conditional {
    private Conditional() {
    }

    /** The request's validators, as sent (each null when absent). */
    public record Validators(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince) {
        public static Validators of(jakarta.ws.rs.core.HttpHeaders headers) {
            return new Validators(headers.getHeaderString(HttpHeaders.IF_MATCH),
                    headers.getHeaderString(HttpHeaders.IF_UNMODIFIED_SINCE),
                    headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                    headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE));
        }
    }

    /** What to send: 412, 304 or 200, and which variant. */
    public record Decision(boolean preconditionFailed, boolean notModified, boolean gzip, String etag) {
        /** The 412 problem, naming the current entity tag (also sent as {@code ETag}). */
        public ProblemException failure() {
            return new ProblemException(412, "precondition-failed", "Precondition Failed", "The resource has changed: "
                    + "its entity tag is now " + etag + " (If-Match names none of its tags, or If-Unmodified-Since is "
                    + "before its last modification)", Map.of(HttpHeaders.ETAG, etag));
        }
    }

    public static Decision decide(Representation representation, Instant lastModified, Validators validators,
                                  List<? extends ParsedHeaderValue> acceptEncoding) {
        boolean gzip = representation.gzip() != null && acceptsGzip(acceptEncoding);
        String etag = gzip ? representation.gzipEtag() : representation.etag();
        // on the hot path (a 304, a plain GET) neither precondition is sent: two null checks
        if ((validators.ifMatch() != null || validators.ifUnmodifiedSince() != null)
                && !preconditionsHold(representation, lastModified, validators.ifMatch(), validators.ifUnmodifiedSince())) {
            return new Decision(true, false, gzip, etag);
        }
        return new Decision(false, notModified(representation, lastModified, validators.ifNoneMatch(),
                validators.ifModifiedSince()), gzip, etag);
    }

    /**
     * If-Match (RFC 9110 §13.1.1): {@code *} or one of the listed tags equal to a variant's, strongly (a weak tag never
     * matches; either content coding's tag names the same current state). Without it, If-Unmodified-Since (§13.1.4):
     * not modified after the date; an invalid date is ignored. A resumed download that names the tag of an earlier
     * release thus gets a 412, never the new release's bytes after the old one's.
     */
    static boolean preconditionsHold(Representation representation, Instant lastModified, String ifMatch,
                                     String ifUnmodifiedSince) {
        if (ifMatch != null) {
            for (String tag : ifMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || !t.startsWith("W/") && representation.matches(t)) {
                    return true;
                }
            }
            return false;
        }
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        return HttpDates.parse(ifUnmodifiedSince).map(since -> !modified.isAfter(since)).orElse(true);
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

    /**
     * Whether to send gzip (RFC 9110 §12.5.3): acceptable, by its own entry when there is one ({@code gzip;q=0}
     * refuses it even next to {@code *}) or else by {@code *}, and preferred at least as much as identity, whose
     * weight is its own entry's, else {@code *}'s, else lowest ({@code gzip;q=0.5, identity;q=1} gets identity;
     * a browser's {@code gzip, deflate, br} gets gzip). No header or no match means identity.
     */
    static boolean acceptsGzip(List<? extends ParsedHeaderValue> codings) {
        float gzip = -1;
        float identity = -1;
        float any = -1;
        for (ParsedHeaderValue coding : codings) {
            String name = coding.value();
            if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
                gzip = Math.max(gzip, quality(coding));
            } else if (name.equalsIgnoreCase("identity")) {
                identity = Math.max(identity, quality(coding));
            } else if (name.equals("*")) {
                any = Math.max(any, quality(coding));
            }
        }
        float gzipWeight = gzip >= 0 ? gzip : any;
        float identityWeight = identity >= 0 ? identity : Math.max(any, 0);
        return gzipWeight > 0 && gzipWeight >= identityWeight;
    }

    /**
     * Whether an {@code Accept} header admits {@code mediaType} (RFC 9110 §12.5.1): the most specific range that
     * matches gives the quality ({@code application/json;q=0, *}{@code /*} refuses JSON); no header admits anything.
     * An {@code application/} type with a structured syntax suffix (RFC 6839) is also admitted by the range of its
     * generic syntax, less specifically than by its own name: {@code application/xml} (and the older {@code text/xml})
     * admits {@code application/atom+xml}, {@code application/json} admits {@code application/feed+json}, since a
     * client that takes any XML or JSON can read them. A feed reader that asks for {@code application/xml} gets the
     * Atom feed. Such a range only ever admits: RFC 9110 does not match it to the specific type, so its {@code q=0}
     * refuses nothing ({@code application/xml;q=0, *}{@code /*} still admits Atom). Other top-level types are left
     * alone: {@code text/xml} does not admit {@code image/svg+xml}.
     */
    public static boolean accepts(List<MIMEHeader> accept, String mediaType) {
        if (accept.isEmpty()) {
            return true;
        }
        int slash = mediaType.indexOf('/');
        int semicolon = mediaType.indexOf(';');
        String type = mediaType.substring(0, slash);
        String subtype = mediaType.substring(slash + 1, semicolon < 0 ? mediaType.length() : semicolon).strip();
        int plus = subtype.lastIndexOf('+');
        String suffix = plus < 0 || !type.equalsIgnoreCase("application") ? null : subtype.substring(plus + 1);
        int specificity = -1;
        float quality = 0;
        for (MIMEHeader range : accept) {
            float q = quality(range); // parses the value: component() and subComponent() are null before
            String c = range.component();
            String sub = range.subComponent();
            int s;
            if (c == null || sub == null) {
                continue;
            }
            // Vert.x keeps the whitespace before a parameter's ';' in the subtype (application/json ;q=0.5)
            c = c.strip();
            sub = sub.strip();
            if (c.equalsIgnoreCase(type) && sub.equalsIgnoreCase(subtype)) {
                s = 3;
            } else if (suffix != null && sub.equalsIgnoreCase(suffix) && q > 0
                    && (c.equalsIgnoreCase(type) || suffix.equalsIgnoreCase("xml") && c.equalsIgnoreCase("text"))) {
                s = 2;
            } else if (c.equalsIgnoreCase(type) && sub.equals("*")) {
                s = 1;
            } else if (c.equals("*") && sub.equals("*")) {
                s = 0;
            } else {
                continue;
            }
            if (s > specificity || s == specificity && q > quality) {
                specificity = s;
                quality = q;
            }
        }
        return quality > 0;
    }

    /**
     * The weight of a header element (RFC 9110 §12.4.2: a qvalue has up to three decimals, so {@code q=0.001} is the
     * least acceptable, not refused). Vert.x reads only two decimals and makes {@code q=0.005} a 0, so the {@code q}
     * parameter is read here from the element as sent; a malformed one keeps Vert.x's reading of it.
     */
    static float quality(ParsedHeaderValue element) {
        float parsed = element.weight();
        String raw = element.rawValue();
        for (int semicolon = raw.indexOf(';'); semicolon >= 0; ) {
            int next = raw.indexOf(';', semicolon + 1);
            int end = next < 0 ? raw.length() : next;
            int i = skipSpace(raw, semicolon + 1, end);
            if (i + 1 < end && (raw.charAt(i) == 'q' || raw.charAt(i) == 'Q') && raw.charAt(i + 1) == '=') {
                float q = qvalue(raw, skipSpace(raw, i + 2, end), end);
                return q < 0 ? parsed : q;
            }
            semicolon = next;
        }
        return parsed;
    }

    /** The qvalue {@code 0[.ddd]} or {@code 1[.000]} in {@code [from, to)}, trailing whitespace allowed; -1 if none. */
    private static float qvalue(String s, int from, int to) {
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        if (from >= to || s.charAt(from) != '0' && s.charAt(from) != '1') {
            return -1;
        }
        int whole = s.charAt(from) - '0';
        if (from + 1 == to) {
            return whole;
        }
        if (s.charAt(from + 1) != '.' || to - from - 2 > 3) {
            return -1;
        }
        int thousandths = 0;
        for (int i = from + 2, scale = 100; i < to; i++, scale /= 10) {
            char c = s.charAt(i);
            if (c < '0' || c > '9' || whole == 1 && c != '0') {
                return -1;
            }
            thousandths += (c - '0') * scale;
        }
        return whole + thousandths / 1000f;
    }

    private static int skipSpace(String s, int from, int to) {
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }
}
