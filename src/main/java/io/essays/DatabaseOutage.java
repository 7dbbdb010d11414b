package io.essays;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a failure is the database not answering (stopped, restarting, unreachable, out of connections) rather than a
 * bug: such a failure is a 503 for a request and one line in the log for a background task, never a stack trace per
 * attempt. Decided by the exception types and SQL states that JDBC defines for lost connections (class 08), those of
 * PostgreSQL for a server shutting down (57P01 to 57P03), and Agroal's timeout for a connection from an empty pool.
 */
public final class DatabaseOutage {
    private DatabaseOutage() {
    }

    /** The cause to name when {@code failure} is the database not answering; empty when it is anything else. */
    public static Optional<String> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return Optional.of(deepest(t));
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
                if (state.startsWith("08") || state.startsWith("57P0") || message.contains("acquisition timeout")) {
                    return Optional.of(deepest(t));
                }
            }
        }
        return Optional.empty();
    }

    /** The innermost message: the one that says what happened ("Connection refused"), not how it was reached. */
    private static String deepest(Throwable t) {
        String message = t.getMessage();
        for (Throwable cause = t.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
