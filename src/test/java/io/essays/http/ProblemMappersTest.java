package io.essays.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the log keeps of an unexpected error: every frame, and a message of bounded length. */
class ProblemMappersTest {

    @Test
    void aLongMessageIsCutInTheLogButTheStackTraceAndCauseStay() {
        var cause = new IllegalArgumentException("the cause");
        var error = new IllegalStateException("x".repeat(100_000), cause);

        Throwable logged = ProblemMappers.logged(error);

        assertThat(logged.getMessage()).hasSize("java.lang.IllegalStateException: ".length() + 1_000
                + "… (100000 characters)".length()).startsWith("java.lang.IllegalStateException: xxx")
                .endsWith("… (100000 characters)");
        assertThat(logged.getStackTrace()).isEqualTo(error.getStackTrace());
        assertThat(logged.getCause()).isSameAs(cause);
    }

    @Test
    void aShortMessageIsLoggedAsThrown() {
        var error = new IllegalStateException("short");
        assertThat(ProblemMappers.logged(error)).isSameAs(error);
    }
}
