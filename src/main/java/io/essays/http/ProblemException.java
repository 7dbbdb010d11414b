package io.essays.http;

import java.util.Map;

/** A client or server error that becomes a problem+json response; thrown by services and resources. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public ProblemException(int status, String type, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    /**
     * A 401 with the {@code WWW-Authenticate} challenge RFC 9110 §11.6.1 requires: {@code Bearer} (RFC 6750), with
     * {@code error="invalid_token"} when a token was sent but is wrong.
     */
    public static ProblemException unauthorized(String detail, boolean tokenSent) {
        String challenge = "Bearer realm=\"essays-admin\"" + (tokenSent ? ", error=\"invalid_token\"" : "");
        return new ProblemException(401, "unauthorized", "Unauthorized", detail, Map.of("WWW-Authenticate", challenge));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not Found", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "invalid-parameter", "Invalid Parameter", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Headers the problem response must carry, such as a 401's {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return headers;
    }
}
