package io.essays.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangesTest {
    static final String ETAG = "\"abc\"";
    static final String DATE = "Tue, 01 Dec 2026 10:00:00 GMT";

    static ByteRanges.Selection select(String range) {
        return ByteRanges.select(range, null, 1000, ETAG, DATE);
    }

    @Test
    void noRangeIsTheWholeBody() {
        assertThat(select(null)).isInstanceOf(ByteRanges.Whole.class);
    }

    @Test
    void firstByte() {
        assertThat(select("bytes=0-0")).isEqualTo(new ByteRanges.Part(0, 0, 1000));
    }

    @Test
    void closedRangeInTheMiddle() {
        var part = (ByteRanges.Part) select("bytes=100-199");
        assertThat(part.length()).isEqualTo(100);
        assertThat(part.contentRange()).isEqualTo("bytes 100-199/1000");
    }

    @Test
    void openRangeRunsToTheEnd() {
        assertThat(select("bytes=990-")).isEqualTo(new ByteRanges.Part(990, 999, 1000));
    }

    @Test
    void lastPositionPastTheEndIsClamped() {
        assertThat(select("bytes=500-5000")).isEqualTo(new ByteRanges.Part(500, 999, 1000));
    }

    @Test
    void suffixRangeIsTheLastBytes() {
        assertThat(select("bytes=-100")).isEqualTo(new ByteRanges.Part(900, 999, 1000));
        assertThat(select("bytes=-5000")).isEqualTo(new ByteRanges.Part(0, 999, 1000));
    }

    /** Positions too large for a long are still valid range-specs (RFC 9110 §14.1.1), not bad syntax to ignore. */
    @Test
    void positionsBeyondALongAreThePastTheEndThatTheyAre() {
        assertThat(select("bytes=0-99999999999999999999")).isEqualTo(new ByteRanges.Part(0, 999, 1000));
        assertThat(select("bytes=-99999999999999999999")).isEqualTo(new ByteRanges.Part(0, 999, 1000));
        assertThat(select("bytes=99999999999999999999-")).isEqualTo(new ByteRanges.Unsatisfiable(1000));
        assertThat(select("bytes=9223372036854775807-")).isEqualTo(new ByteRanges.Unsatisfiable(1000));
        assertThat(select("bytes=5-9223372036854775808")).isEqualTo(new ByteRanges.Part(5, 999, 1000));
    }

    @Test
    void rangeStartingAtOrPastTheEndIsUnsatisfiable() {
        assertThat(select("bytes=1000-")).isEqualTo(new ByteRanges.Unsatisfiable(1000));
        assertThat(((ByteRanges.Unsatisfiable) select("bytes=2000-2100")).contentRange()).isEqualTo("bytes */1000");
        assertThat(select("bytes=-0")).isEqualTo(new ByteRanges.Unsatisfiable(1000));
    }

    @Test
    void unitNamesAreCaseInsensitiveAndSpacesAroundTolerated() {
        assertThat(select("Bytes = 1-2")).isEqualTo(new ByteRanges.Part(1, 2, 1000));
    }

    @Test
    void badSyntaxOtherUnitsAndSeveralRangesAreIgnored() {
        for (String ignored : new String[] {"bytes=5-1", "bytes=a-b", "items=0-1", "bytes=", "bytes=-", "0-1",
                "bytes=0-1,5-6", "bytes=+1-2"}) {
            assertThat(select(ignored)).as(ignored).isInstanceOf(ByteRanges.Whole.class);
        }
    }

    @Test
    void ifRangeWithTheCurrentStrongEtagOrDateLetsTheRangeThrough() {
        assertThat(ByteRanges.select("bytes=0-9", ETAG, 1000, ETAG, DATE)).isInstanceOf(ByteRanges.Part.class);
        assertThat(ByteRanges.select("bytes=0-9", DATE, 1000, ETAG, DATE)).isInstanceOf(ByteRanges.Part.class);
    }

    @Test
    void ifRangeWithAnotherEtagAWeakOneOrAnotherDateSendsTheWholeBody() {
        for (String other : new String[] {"\"old\"", "W/\"abc\"", "Mon, 30 Nov 2026 10:00:00 GMT", "garbage"}) {
            assertThat(ByteRanges.select("bytes=0-9", other, 1000, ETAG, DATE)).as(other).isInstanceOf(ByteRanges.Whole.class);
        }
    }

    @Test
    void ifRangeMismatchAlsoOverridesAnUnsatisfiableRange() {
        assertThat(ByteRanges.select("bytes=5000-", "\"old\"", 1000, ETAG, DATE)).isInstanceOf(ByteRanges.Whole.class);
    }
}
