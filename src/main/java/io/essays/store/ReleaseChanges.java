package io.essays.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which essays a release added, changed (source or rendering) and deleted, by slug in alphabetical order. */
@Schema(description = "Essays a release added, changed and deleted compared with the release before it, by slug. "
        + "'changed' lists the essays whose own content changed (title, series, order, summary, source or rendering); "
        + "what an essay shows of others (previous and next, backlinks, related essays, mentions) can change with "
        + "them without the essay being listed. For every item whose served JSON changed, follow /sync.")
public record ReleaseChanges(List<String> added, List<String> changed, List<String> deleted) {

    public static final ReleaseChanges NONE = new ReleaseChanges(List.of(), List.of(), List.of());

    /** Compares two releases given as slug to a fingerprint of what is served for the essay. */
    public static ReleaseChanges between(Map<String, ?> before, Map<String, ?> after) {
        var added = new ArrayList<String>();
        var changed = new ArrayList<String>();
        var deleted = new ArrayList<String>();
        var slugs = new TreeSet<String>(before.keySet());
        slugs.addAll(after.keySet());
        for (String slug : slugs) {
            if (!before.containsKey(slug)) {
                added.add(slug);
            } else if (!after.containsKey(slug)) {
                deleted.add(slug);
            } else if (!Objects.equals(before.get(slug), after.get(slug))) {
                changed.add(slug);
            }
        }
        return new ReleaseChanges(List.copyOf(added), List.copyOf(changed), List.copyOf(deleted));
    }
}
