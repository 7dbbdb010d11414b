package io.essays;

/** The parsing of query parameters that every feature shares, with errors that name the parameter and what it got. */
public final class QueryParameters {
    private QueryParameters() {
    }

    /**
     * An integer query parameter in {@code [min, max]}: {@code defaultValue} when absent or blank, otherwise
     * {@link DomainException.InvalidParameter} (a 400) naming the parameter, its range and the value sent. Parameters
     * are declared as strings and parsed here rather than by JAX-RS, which answers a value it cannot convert with a
     * 404 that says nothing about the parameter.
     */
    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        // the upper bound is said when there is one to speak of, or when the value is a whole number above it
        boolean above = value.strip().matches("\\+?\\d{1,100}")
                && new java.math.BigInteger(value.strip()).compareTo(java.math.BigInteger.valueOf(max)) > 0;
        throw new DomainException.InvalidParameter("'" + name + "' must be a whole number from " + min
                + (max == Integer.MAX_VALUE && !above ? "" : " to " + max) + ", got '" + value + "'");
    }

    /** {@code true} or {@code false} (any case), {@code defaultValue} when absent or blank, otherwise a 400. */
    public static boolean bool(String name, String value, boolean defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String v = value.strip();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new DomainException.InvalidParameter("'" + name + "' must be true or false, got '" + value + "'");
    }

    /**
     * A required id in {@code [1, Long.MAX_VALUE]} (the spec's {@code int64} from 1), otherwise
     * {@link DomainException.InvalidParameter} naming the parameter and the value sent.
     */
    public static long id(String name, String value) {
        try {
            long n = Long.parseLong(value == null ? "" : value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new DomainException.InvalidParameter("'" + name + "' must be a whole number from 1 to " + Long.MAX_VALUE
                + ", got '" + value + "'");
    }
}
