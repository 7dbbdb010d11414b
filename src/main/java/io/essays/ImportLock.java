package io.essays;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The row lock (table {@code import_lock}, migration V1) that serializes writers across replicas sharing one database:
 * imports, the sync history and the stored search index. Held until the caller's transaction ends.
 */
public final class ImportLock {
    /** Locks the one row of {@code import_lock}. */
    public static final String SQL = "SELECT id FROM import_lock WHERE id = 1 FOR UPDATE";

    private ImportLock() {
    }

    /**
     * How long a writer waits for another replica's write on PostgreSQL before it fails: far above any write measured
     * (10,000 essays take under a minute and a half), yet bounded, so that a holder that hangs (a node cut off, whose
     * session PostgreSQL keeps until TCP keepalive ends it) fails imports with an error instead of leaving them
     * running for hours. H2 serves one process, whose own lock timeout applies.
     */
    public static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** Takes the lock on {@code connection}, waiting at most {@link #TIMEOUT} for another holder's transaction. */
    public static void take(Connection connection) throws SQLException {
        take(connection, TIMEOUT);
    }

    /** Takes the lock, waiting at most {@code timeout} on PostgreSQL (SQL state 55P03 when it runs out). */
    public static void take(Connection connection, Duration timeout) throws SQLException {
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            try (Statement bound = connection.createStatement()) {
                // for this transaction only: the lock below and any later wait of the same writer
                bound.execute("SET LOCAL lock_timeout = '" + timeout.toMillis() + "ms'");
            }
        }
        try (PreparedStatement lock = connection.prepareStatement(SQL)) {
            lock.executeQuery().close();
        }
    }
}
