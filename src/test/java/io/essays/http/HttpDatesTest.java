package io.essays.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpDatesTest {
    private Locale locale;
    private TimeZone zone;

    /** A hostile default locale and a time zone 14 hours ahead of UTC: neither may leak into a header. */
    @BeforeEach
    void hostileDefaults() {
        locale = Locale.getDefault();
        zone = TimeZone.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
    }

    @AfterEach
    void restoreDefaults() {
        Locale.setDefault(locale);
        TimeZone.setDefault(zone);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-12-01T14:01:35Z | Tue, 01 Dec 2026 14:01:35 GMT",
            "2026-12-09T00:00:00Z | Wed, 09 Dec 2026 00:00:00 GMT",
            "2026-12-10T23:59:59Z | Thu, 10 Dec 2026 23:59:59 GMT",
            "2026-12-31T12:00:00Z | Thu, 31 Dec 2026 12:00:00 GMT",
            "1994-11-06T08:49:37Z | Sun, 06 Nov 1994 08:49:37 GMT"})
    void formatsImfFixdateWithTwoDigitDay(String instant, String header) {
        assertThat(HttpDates.format(Instant.parse(instant))).isEqualTo(header);
        assertThat(HttpDates.parse(header)).contains(Instant.parse(instant));
    }

    @Test
    void formatDropsFractionsOfASecond() {
        assertThat(HttpDates.format(Instant.parse("2026-01-01T00:00:00.999Z"))).isEqualTo("Thu, 01 Jan 2026 00:00:00 GMT");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sunday, 06-Nov-94 08:49:37 GMT | 1994-11-06T08:49:37Z",
            "Tuesday, 01-Dec-26 14:01:35 GMT | 2026-12-01T14:01:35Z",
            "Thursday, 31-Dec-26 12:00:00 GMT | 2026-12-31T12:00:00Z"})
    void parsesObsoleteRfc850Form(String header, String instant) {
        assertThat(HttpDates.parse(header)).contains(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'Sun Nov  6 08:49:37 1994' | 1994-11-06T08:49:37Z",
            "'Tue Dec  1 14:01:35 2026' | 2026-12-01T14:01:35Z",
            "'Wed Dec  9 00:00:00 2026' | 2026-12-09T00:00:00Z",
            "'Thu Dec 10 23:59:59 2026' | 2026-12-10T23:59:59Z",
            "'Thu Dec 31 12:00:00 2026' | 2026-12-31T12:00:00Z"})
    void parsesAsctimeForm(String header, String instant) {
        assertThat(HttpDates.parse(header)).contains(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not a date",
            "''",
            "Tue, 1 Dec 2026 14:01:35 GMT",
            "Mon, 01 Dec 2026 14:01:35 GMT",
            "Tue, 01 Dec 2026 14:01:35 UTC",
            "Tue, 32 Dec 2026 14:01:35 GMT",
            "Sal, 01 Ara 2026 14:01:35 GMT",
            "2026-12-01T14:01:35Z"})
    void invalidDatesAreIgnored(String header) {
        assertThat(HttpDates.parse(header)).isEmpty();
    }

    @Test
    void nullIsNoDate() {
        assertThat(HttpDates.parse(null)).isEmpty();
    }
}
