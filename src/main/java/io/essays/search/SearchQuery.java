package io.essays.search;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A query as a reader writes it, after parsing: words, "exact phrases", prefixes ({@code norm*}) and exclusions
 * ({@code -word}, {@code -"a phrase"}), in the order written and lowercased. Analysis (stemming, stop words) happens
 * later, against the index.
 */
record SearchQuery(List<Clause> clauses) {

    enum Kind { WORD, PHRASE, PREFIX }

    /** One clause; {@code text} is a word, the words of a phrase separated by single spaces, or a prefix without its star. */
    record Clause(Kind kind, String text, boolean excluded) {

        String display() {
            String body = switch (kind) {
                case WORD -> text;
                case PHRASE -> '"' + text + '"';
                case PREFIX -> text + '*';
            };
            return excluded ? "-" + body : body;
        }

        Clause withText(String replacement) {
            return new Clause(kind, replacement, excluded);
        }
    }

    SearchQuery {
        clauses = List.copyOf(clauses);
    }

    /** The canonical form: parsing it again gives the same query. Identifies the query in cache keys and responses. */
    String normalized() {
        return clauses.stream().map(Clause::display).collect(Collectors.joining(" "));
    }
}
