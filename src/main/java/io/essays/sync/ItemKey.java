package io.essays.sync;

import java.util.Comparator;
import java.util.Locale;

/**
 * What a sync item is about: a series or essay (by slug) or an asset (by path). Items are sent in this order: series,
 * then assets, then essays, each by key, so that a page cursor can name the last item sent.
 */
record ItemKey(Type type, String key) implements Comparable<ItemKey> {
    private static final Comparator<ItemKey> ORDER = Comparator.comparing(ItemKey::type).thenComparing(ItemKey::key);

    /** The three item types, in sync order. */
    enum Type {
        SERIES, ASSET, ESSAY;

        /** The name in JSON, tokens and the database: {@code series}, {@code asset}, {@code essay}. */
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type ofWire(String wire) {
            return switch (wire) {
                case "series" -> SERIES;
                case "asset" -> ASSET;
                case "essay" -> ESSAY;
                default -> throw new IllegalArgumentException("unknown item type " + wire);
            };
        }
    }

    @Override
    public int compareTo(ItemKey other) {
        return ORDER.compare(this, other);
    }
}
