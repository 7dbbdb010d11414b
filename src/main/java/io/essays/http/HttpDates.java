package io.essays.http;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place HTTP dates are written and read (RFC 9110 §5.6.7).
 *
 * <p>Senders must use IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}), always with a two-digit day; JDK's
 * {@code RFC_1123_DATE_TIME} writes {@code 6 Nov} and is therefore not used. Recipients must also accept the
 * obsolete RFC 850 form ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and asctime ({@code Sun Nov  6 08:49:37 1994}).
 * Every formatter is pinned to {@link Locale#ROOT} and UTC so neither the default locale nor the time zone of the
 * machine can change a header.
 */
public final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** RFC 850: a two-digit year, read as 1970–2069, so never more than 50 years ahead (RFC 9110 §5.6.7). */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendText(ChronoField.DAY_OF_WEEK, fullDayNames())
            .appendPattern(", dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.ROOT);

    /** asctime: the day is space-padded to two characters ({@code Nov  6}). */
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .appendPattern("EEE MMM ")
            .padNext(2, ' ')
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
            .appendPattern(" HH:mm:ss yyyy")
            .toFormatter(Locale.ROOT);

    private static final List<DateTimeFormatter> PARSERS = List.of(IMF_FIXDATE, RFC_850, ASCTIME);

    private HttpDates() {
    }

    /** English day names, spelled out here: the root locale has no full names and a default locale is not English. */
    private static Map<Long, String> fullDayNames() {
        Map<Long, String> names = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name();
            names.put((long) day.getValue(), name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** The IMF-fixdate of an instant, to whole seconds. */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /**
     * Reads a date in any of the three forms a recipient must accept; empty for anything else (an invalid
     * {@code If-Modified-Since} is ignored, RFC 9110 §13.1.3). Also checks that the weekday agrees with the date.
     */
    public static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        for (DateTimeFormatter parser : PARSERS) {
            try {
                // resolving cross-checks the weekday against the date, so "Mon, 01 Dec 2026" is rejected
                return Optional.of(LocalDateTime.from(parser.withZone(null).parse(text)).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
