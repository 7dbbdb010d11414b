package io.essays.essay;

import io.essays.DomainException;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code fields=a,b}: keeps only the named top-level properties of a record (or of each item of a page). */
@ApplicationScoped
public class SparseFields {
    private final ObjectMapper mapper;

    SparseFields(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The requested field names in canonical (record) order, or an empty set for "all" ({@code fields} absent or
     * empty, like every other parameter); a problem 400 for unknown names, and for a list that names none
     * ({@code fields=,} or blanks), which would otherwise answer with everything a client meant to leave out.
     */
    public Set<String> parse(String fieldList, Class<? extends Record> type) {
        if (fieldList == null || fieldList.isEmpty()) {
            return Set.of();
        }
        List<String> known = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
        Set<String> requested = Arrays.stream(fieldList.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (requested.isEmpty()) {
            throw new DomainException.InvalidParameter("'fields' names no field; name some of " + String.join(", ", known)
                    + ", or leave it out for all of them");
        }
        var unknown = requested.stream().filter(f -> !known.contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw new DomainException.InvalidParameter("Unknown field(s) " + String.join(", ", unknown) + " in 'fields'; known fields: "
                    + String.join(", ", known));
        }
        return known.stream().filter(requested::contains).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The record itself, or a JSON object with only the kept fields. */
    public Object of(Object value, Set<String> keep) {
        if (keep.isEmpty()) {
            return value;
        }
        ObjectNode node = mapper.valueToTree(value);
        node.retain(keep);
        return node;
    }

    /** A page whose items keep only the given fields. */
    public Object pageOf(EssayPage page, Set<String> keep) {
        if (keep.isEmpty()) {
            return page;
        }
        ObjectNode node = mapper.createObjectNode();
        var items = node.putArray("items");
        page.items().forEach(item -> items.add((ObjectNode) of(item, keep)));
        node.set("page", mapper.valueToTree(page.page()));
        return node;
    }
}
