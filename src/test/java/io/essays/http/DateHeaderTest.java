package io.essays.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DateHeaderTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        final AtomicLong millis = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }

    @Test
    void theDateIsTheClocksSecondInImfFixdateWhateverTheZoneOfTheClock() {
        var clock = new HandClock();
        clock.millis.set(Instant.parse("2026-03-01T09:05:07.999Z").toEpochMilli());
        assertThat(new DateHeader(clock).now()).isEqualTo("Sun, 01 Mar 2026 09:05:07 GMT");
        assertThat(new DateHeader(Clock.fixed(Instant.parse("1999-12-31T23:59:59Z"), ZoneId.of("Pacific/Kiritimati")))
                .now()).isEqualTo("Fri, 31 Dec 1999 23:59:59 GMT");
    }

    @Test
    void theValueIsFormattedOnceASecondAndFollowsTheClock() {
        var clock = new HandClock();
        clock.millis.set(Instant.parse("2026-12-31T23:59:59.000Z").toEpochMilli());
        var date = new DateHeader(clock);
        String first = date.now();
        clock.millis.addAndGet(999);
        assertThat(date.now()).as("the same second: the same string").isSameAs(first);
        clock.millis.addAndGet(1);
        assertThat(date.now()).isEqualTo("Fri, 01 Jan 2027 00:00:00 GMT");
        clock.millis.set(Instant.parse("1969-12-31T23:59:59.500Z").toEpochMilli());
        assertThat(date.now()).as("before the epoch rounds down too").isEqualTo("Wed, 31 Dec 1969 23:59:59 GMT");
    }
}
