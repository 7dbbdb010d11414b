package io.essays.sync;

import io.essays.DomainException;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.essays.EssaysConfig;
import io.essays.SettingsCheck;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Encodes and checks sync tokens: {@code base64url(payload) "." base64url(HMAC-SHA256(secret, payload))}, where the
 * payload is {@code v1~deployment~from~base~type:key}. Opaque to clients; signed so that a client cannot make the
 * service compare against a release or skip items it chose. The secret comes from {@code essays.sync.secret} and must
 * be the same on every replica; the service does not start without one.
 */
@Startup
@ApplicationScoped
public class SyncTokens {
    private static final String VERSION = "v1";
    private static final int MIN_SECRET_LENGTH = SettingsCheck.MIN_TOKEN_LENGTH;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    @Inject
    SyncTokens(EssaysConfig config) {
        this(config.sync().secret().orElseThrow(() -> new IllegalStateException(
                "essays.sync.secret (env ESSAYS_SYNC_SECRET) is not set: sync tokens cannot be signed. Set it to a "
                        + "random string of at least " + MIN_SECRET_LENGTH + " characters, the same on every replica")));
    }

    SyncTokens(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("essays.sync.secret (env ESSAYS_SYNC_SECRET) must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The token for {@code token}'s payload, signed. */
    String encode(SyncToken token) {
        String after = token.after() == null ? "" : token.after().type().wire() + ":" + token.after().key();
        byte[] payload = String.join("~", VERSION, token.deployment(), Long.toString(token.from()),
                Long.toString(token.base()), after).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /**
     * The payload of a token whose signature holds; a 400 problem {@code invalid-sync-token} when it is not a token
     * at all, {@code forged-sync-token} when it was altered or signed with another key.
     */
    SyncToken decode(String token) {
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            if (dot < 1 || dot != token.lastIndexOf('.')) {
                throw new IllegalArgumentException("not two parts");
            }
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
            if (signature.length != 32) {
                throw new IllegalArgumentException("not an HMAC-SHA256");
            }
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            throw new DomainException.InvalidSyncToken(true,
                    "The sync token's signature does not match its content: it was altered, or not issued by this "
                            + "service. Use the token exactly as received, or start again with GET /api/v1/sync");
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("~", 5);
        try {
            if (parts.length != 5 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("unknown version");
            }
            ItemKey after = null;
            if (!parts[4].isEmpty()) {
                int colon = parts[4].indexOf(':');
                after = new ItemKey(ItemKey.Type.ofWire(parts[4].substring(0, colon)), parts[4].substring(colon + 1));
            }
            return new SyncToken(parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]), after);
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    private static DomainException malformed() {
        return new DomainException.InvalidSyncToken(false,
                "'token' is not a sync token: pass the nextSyncToken (or follow the next URL) of an earlier sync "
                        + "unchanged, or leave it out to start an initial sync");
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
