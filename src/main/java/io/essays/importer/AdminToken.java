package io.essays.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.essays.EssaysConfig;
import io.essays.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** The bearer token every admin endpoint requires; admin endpoints are disabled (404) when none is configured. */
@ApplicationScoped
public class AdminToken {
    private static final String SCHEME = "Bearer ";

    private final EssaysConfig config;

    AdminToken(EssaysConfig config) {
        this.config = config;
    }

    /** Throws a 404 problem when disabled, a 401 with the Bearer challenge when the header is missing or wrong. */
    public void check(String authorization) {
        String token = config.adminToken().filter(t -> !t.isBlank())
                .orElseThrow(() -> ProblemException.notFound("The admin endpoint is disabled: set essays.admin-token"));
        // the scheme is case-insensitive (RFC 9110, 11.1), the token is not; compared in constant time, so that it
        // cannot be guessed byte by byte from response times
        String credentials = authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? authorization.substring(SCHEME.length()) : null;
        if (credentials == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                credentials.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.unauthorized("Send 'Authorization: Bearer <essays.admin-token>'", authorization != null);
        }
    }
}
