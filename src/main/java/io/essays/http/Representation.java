package io.essays.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The exact bytes of one response body, computed once per corpus release, with its strong ETag (a hash of media type
 * and bytes, so it changes when and only when the bytes do) and, when worth it, a gzip variant with its own ETag.
 */
public final class Representation {
    private final byte[] body;
    private final String mediaType;
    private final String etag;
    private final byte[] gzip;
    private final String gzipEtag;
    private final Map<String, String> headers;

    private Representation(byte[] body, String mediaType, Map<String, String> headers, int compressionThreshold) {
        this.body = body;
        this.mediaType = mediaType;
        this.headers = Map.copyOf(headers);
        String hash = hash(mediaType, body);
        this.etag = "\"" + hash + "\"";
        if (body.length >= compressionThreshold) {
            this.gzip = gzip(body);
            this.gzipEtag = "\"" + hash + "-gz\"";
        } else {
            this.gzip = null;
            this.gzipEtag = null;
        }
    }

    public static Representation of(byte[] body, String mediaType, Map<String, String> headers, int compressionThreshold) {
        return new Representation(body, mediaType, headers, compressionThreshold);
    }

    public byte[] body() {
        return body;
    }

    public String mediaType() {
        return mediaType;
    }

    public String etag() {
        return etag;
    }

    /** The gzip-compressed body, or null when the body is below the compression threshold. */
    public byte[] gzip() {
        return gzip;
    }

    public String gzipEtag() {
        return gzipEtag;
    }

    /** Extra headers that belong to this representation, such as a pagination {@code Link}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** An estimate of the heap this representation retains: its bytes, gzip variant, headers and fixed overhead. */
    long retainedBytes() {
        long bytes = ResponseCache.ENTRY_OVERHEAD + body.length + (gzip == null ? 0 : gzip.length);
        for (var header : headers.entrySet()) {
            bytes += 2L * (header.getKey().length() + header.getValue().length()) + 64;
        }
        return bytes;
    }

    /** Weak comparison of an entity-tag against either variant of this representation. */
    boolean matches(String tag) {
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        return opaque.equals(etag) || opaque.equals(gzipEtag);
    }

    private static String hash(String mediaType, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(mediaType.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            byte[] sum = digest.digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
