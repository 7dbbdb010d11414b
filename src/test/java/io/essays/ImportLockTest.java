package io.essays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * On PostgreSQL a writer waits for another replica's write a bounded time: a holder that hangs fails the import with
 * lock_not_available instead of leaving it running until TCP keepalive ends the holder's session.
 */
class ImportLockTest {

    @Test
    void aWriterWaitsForTheHolderAtMostTheTimeoutAndTakesTheLockOnceItIsFree() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Connection holder = postgres.getPostgresDatabase().getConnection();
             Connection writer = postgres.getPostgresDatabase().getConnection()) {
            try (var create = holder.createStatement()) {
                create.execute("CREATE TABLE import_lock (id INTEGER NOT NULL PRIMARY KEY)");
                create.execute("INSERT INTO import_lock (id) VALUES (1)");
            }
            holder.setAutoCommit(false);
            writer.setAutoCommit(false);
            ImportLock.take(holder);

            long started = System.nanoTime();
            var refused = catchThrowableOfType(SQLException.class, () -> ImportLock.take(writer, Duration.ofMillis(300)));
            assertThat(refused.getSQLState()).isEqualTo("55P03");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            writer.rollback();

            holder.commit();
            ImportLock.take(writer, Duration.ofMillis(300));
            writer.commit();
        }
    }
}
