package io.essays.links;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Why one essay (A) is related to another (B), and the score that follows. The weights are part of the API contract
 * (documented in the README and the OpenAPI description of {@code /related}):
 *
 * <pre>
 * score = 3   if A links to B            ("links-to")
 *       + 3   if B links to A            ("linked-from")
 *       + 1   per essay linking to both  ("co-cited-by", co-citation)
 *       + 1   per essay both link to     ("both-link-to", bibliographic coupling)
 *       + 1   per shared tag             ("shared-tags")
 *       + 0.5 if both are in one series  ("same-series")
 * </pre>
 *
 * Stored compactly as {@code links-to|co-cited-by:a,b|shared-tags:x|same-series:s}: every value is a slug, so
 * {@code | : ,} never occur inside one.
 */
public record RelatedReasons(boolean linksTo, boolean linkedFrom, List<String> coCitedBy, List<String> bothLinkTo,
                             List<String> sharedTags, String sameSeries) {
    public static final double LINKS_TO = 3;
    public static final double LINKED_FROM = 3;
    public static final double SHARED_NEIGHBOUR = 1;
    public static final double SHARED_TAG = 1;
    public static final double SAME_SERIES = 0.5;

    public double score() {
        return (linksTo ? LINKS_TO : 0) + (linkedFrom ? LINKED_FROM : 0)
                + SHARED_NEIGHBOUR * (coCitedBy.size() + bothLinkTo.size())
                + SHARED_TAG * sharedTags.size() + (sameSeries != null ? SAME_SERIES : 0);
    }

    /** The reasons as API items, in a fixed order, each with its share of the score. */
    public List<RelatedReason> items() {
        var items = new ArrayList<RelatedReason>();
        if (linksTo) {
            items.add(new RelatedReason("links-to", LINKS_TO, List.of()));
        }
        if (linkedFrom) {
            items.add(new RelatedReason("linked-from", LINKED_FROM, List.of()));
        }
        if (!coCitedBy.isEmpty()) {
            items.add(new RelatedReason("co-cited-by", SHARED_NEIGHBOUR * coCitedBy.size(), coCitedBy));
        }
        if (!bothLinkTo.isEmpty()) {
            items.add(new RelatedReason("both-link-to", SHARED_NEIGHBOUR * bothLinkTo.size(), bothLinkTo));
        }
        if (!sharedTags.isEmpty()) {
            items.add(new RelatedReason("shared-tags", SHARED_TAG * sharedTags.size(), sharedTags));
        }
        if (sameSeries != null) {
            items.add(new RelatedReason("same-series", SAME_SERIES, List.of(sameSeries)));
        }
        return List.copyOf(items);
    }

    /** The compact stored form. */
    public String encode() {
        var parts = new ArrayList<String>();
        for (RelatedReason r : items()) {
            parts.add(r.values().isEmpty() ? r.reason() : r.reason() + ":" + String.join(",", r.values()));
        }
        return String.join("|", parts);
    }

    /** Reads {@link #encode()}'s form back. */
    public static RelatedReasons decode(String encoded) {
        boolean linksTo = false;
        boolean linkedFrom = false;
        List<String> coCited = List.of();
        List<String> both = List.of();
        List<String> tags = List.of();
        String series = null;
        for (String part : encoded.isEmpty() ? new String[0] : encoded.split("\\|")) {
            int colon = part.indexOf(':');
            String name = colon < 0 ? part : part.substring(0, colon);
            List<String> values = colon < 0 ? List.of() : Arrays.asList(part.substring(colon + 1).split(","));
            switch (name) {
                case "links-to" -> linksTo = true;
                case "linked-from" -> linkedFrom = true;
                case "co-cited-by" -> coCited = List.copyOf(values);
                case "both-link-to" -> both = List.copyOf(values);
                case "shared-tags" -> tags = List.copyOf(values);
                case "same-series" -> series = values.get(0);
                default -> throw new IllegalArgumentException("unknown related reason '" + name + "' in '" + encoded + "'");
            }
        }
        return new RelatedReasons(linksTo, linkedFrom, coCited, both, tags, series);
    }
}
