package io.essays.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Essays-Signature} header, in the scheme Stripe uses: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the
 * MAC taken with the shared secret over {@code <t>.<body bytes>}. Signing the time with the body lets a receiver reject
 * a replayed delivery whose time is too old.
 */
public final class WebhookSignature {
    public static final String HEADER = "Essays-Signature";

    private WebhookSignature() {
    }

    /** The header value for {@code body} sent at {@code epochSecond}. */
    public static String header(String secret, long epochSecond, byte[] body) {
        return "t=" + epochSecond + ",v1=" + HexFormat.of().formatHex(mac(secret, epochSecond, body));
    }

    static byte[] mac(String secret, long epochSecond, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSecond + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
