package io.essays.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default HTTP I/O thread count leaves a core to everything else, and yields to any configured count. */
class IoThreadsTest {
    @Test
    void oneIoThreadFewerThanTheCoresAndAtLeastOne() {
        assertThat(IoThreads.forCores(1)).isEqualTo(1);
        assertThat(IoThreads.forCores(2)).isEqualTo(1);
        assertThat(IoThreads.forCores(4)).isEqualTo(3);
        assertThat(IoThreads.forCores(16)).isEqualTo(15);
    }

    @Test
    void givesOnlyTheIoThreadsForThisMachine() {
        var source = new IoThreads();
        String expected = Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        assertThat(source.getPropertyNames()).containsExactly("quarkus.http.io-threads");
        assertThat(source.getValue("quarkus.http.io-threads")).isEqualTo(expected);
        assertThat(source.getValue("quarkus.http.port")).isNull();
    }

    @Test
    void anythingConfiguredElsewhereWins() {
        // application.properties 250, environment 300, system properties 400
        assertThat(new IoThreads().getOrdinal()).isLessThan(250);
    }
}
