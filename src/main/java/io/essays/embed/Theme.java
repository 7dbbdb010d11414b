package io.essays.embed;

import io.essays.http.ProblemException;

/** The colour scheme of an embed page: the reader's preference ({@code prefers-color-scheme}) unless overridden. */
enum Theme {
    AUTO, LIGHT, DARK;

    /** {@code ?theme=light|dark}; absent means the reader's preference; anything else is a problem 400. */
    static Theme parse(String value) {
        if (value == null) {
            return AUTO;
        }
        return switch (value) {
            case "light" -> LIGHT;
            case "dark" -> DARK;
            default -> throw ProblemException.badRequest("Unknown theme '" + value + "'; use light or dark, or leave it out "
                    + "to follow the reader's prefers-color-scheme");
        };
    }

    /** The canonical key suffix of a representation in this theme. */
    String keySuffix() {
        return this == AUTO ? "" : "?theme=" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
