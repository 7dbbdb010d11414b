package io.essays;

/**
 * What services and parsers throw when a request cannot be answered: the domain's words for it, with no HTTP status or
 * media type. The one place that turns each kind into problem+json is {@code io.essays.http.ProblemMappers}; the
 * family is sealed so that a new kind cannot be added without deciding its answer there.
 */
public abstract sealed class DomainException extends RuntimeException permits DomainException.UnknownResource,
        DomainException.InvalidParameter, DomainException.NoCorpus, DomainException.InvalidSyncToken,
        DomainException.SyncRestartRequired {

    private DomainException(String detail) {
        super(detail, null, false, false);
    }

    /** Nothing of that kind is known by that name in the release being served (an essay slug, a series, an asset). */
    public static final class UnknownResource extends DomainException {
        public UnknownResource(String detail) {
            super(detail);
        }
    }

    /** A parameter or filter the client sent has no meaning here: an unknown tag, a page past the end, a bad query. */
    public static final class InvalidParameter extends DomainException {
        public InvalidParameter(String detail) {
            super(detail);
        }
    }

    /** No corpus release has been imported yet, so there is nothing to serve. */
    public static final class NoCorpus extends DomainException {
        public NoCorpus(String detail) {
            super(detail);
        }
    }

    /** A sync token that is not one this service issued: malformed, or {@link #forged()} (its signature is wrong). */
    public static final class InvalidSyncToken extends DomainException {
        private final boolean forged;

        public InvalidSyncToken(boolean forged, String detail) {
            super(detail);
            this.forged = forged;
        }

        public boolean forged() {
            return forged;
        }
    }

    /** A valid sync token that can no longer be answered with a delta; the client must sync from scratch. */
    public static final class SyncRestartRequired extends DomainException {
        public SyncRestartRequired(String detail) {
            super(detail);
        }
    }
}
