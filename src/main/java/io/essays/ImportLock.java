package io.essays;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The row lock (table {@code import_lock}, migration V1) that serializes writers across replicas sharing one database:
 * imports, the sync history and the stored search index. Held until the caller's transaction ends.
 */
public final class ImportLock {
    /** Locks the one row of {@code import_lock}. */
    public static final String SQL = "SELECT id FROM import_lock WHERE id = 1 FOR UPDATE";

    private ImportLock() {
    }

    /** Takes the lock on {@code connection}, waiting for any other holder's transaction to end. */
    public static void take(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(SQL)) {
            lock.executeQuery().close();
        }
    }
}
