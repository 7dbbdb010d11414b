package io.essays;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void lostConnectionsAndServerShutdownsAreOutagesNamedByTheirInnermostMessage() {
        var refused = new SQLException("Connection to 127.0.0.1:55433 refused.\nCheck that the hostname and port are correct",
                "08001");
        assertThat(DatabaseOutage.of(new JDBCConnectionException("Unable to acquire JDBC Connection", refused)))
                .hasValue("Connection to 127.0.0.1:55433 refused.");
        assertThat(DatabaseOutage.of(new IllegalStateException("wrapped", refused)))
                .hasValue("Connection to 127.0.0.1:55433 refused.");
        assertThat(DatabaseOutage.of(new SQLException("terminating connection due to administrator command", "57P01")))
                .hasValue("terminating connection due to administrator command");
        assertThat(DatabaseOutage.of(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))))
                .hasValue("Sorry, acquisition timeout!");
        assertThat(DatabaseOutage.of(new SQLTransientConnectionException("pool closed"))).hasValue("pool closed");
    }

    @Test
    void otherFailuresAreNotOutages() {
        assertThat(DatabaseOutage.of(new SQLException("duplicate key value violates unique constraint", "23505"))).isEmpty();
        assertThat(DatabaseOutage.of(new IllegalStateException("a bug"))).isEmpty();
        assertThat(DatabaseOutage.of(new RuntimeException(new SQLException("no state")))).isEmpty();
    }
}
