package io.essays.search;

import io.essays.DomainException;

import java.util.ArrayList;
import java.util.Locale;


/**
 * Parses the reader's query syntax, leniently: whitespace separates words; {@code "…"} is an exact phrase (an
 * unclosed quote runs to the end); a trailing {@code *} makes a prefix; a leading {@code -} excludes a word or a
 * phrase. Lucene's own operators mean nothing here: {@code : ( ) [ ] { } ~ ^ ! & | + / ? = < > ; ,} separate words
 * like spaces, a {@code *} anywhere but at the end of a word is ignored, and {@code AND}, {@code OR}, {@code NOT} are
 * ordinary (stop) words. What cannot be searched at all is a problem 400 that says what to change.
 */
final class SearchQueryParser {
    /** Longest accepted query, in characters. */
    static final int MAX_LENGTH = 200;
    /** Most clauses (words, phrases, prefixes, exclusions) in one query. */
    static final int MAX_CLAUSES = 32;
    private static final String SEPARATORS = ":()[]{}~^!&|+/?=<>;,";

    private SearchQueryParser() {
    }

    static SearchQuery parse(String q) {
        if (q == null || q.isBlank()) {
            throw new DomainException.InvalidParameter("q must not be empty: give one or more words to search for");
        }
        String text = q.strip();
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw new DomainException.InvalidParameter("q is " + length + " characters long; shorten it to at most "
                    + MAX_LENGTH);
        }
        text = text.toLowerCase(Locale.ROOT);
        var clauses = new ArrayList<SearchQuery.Clause>();
        boolean loneStar = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean excluded = false;
            if (c == '-') {
                excluded = true;
                i++;
                if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
                    continue;
                }
                c = text.charAt(i);
            }
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? text.length() : close;
                String phrase = words(text.substring(i + 1, end).replace('*', ' '));
                if (!phrase.isEmpty()) {
                    clauses.add(new SearchQuery.Clause(phrase.indexOf(' ') < 0 ? SearchQuery.Kind.WORD
                            : SearchQuery.Kind.PHRASE, phrase, excluded));
                }
                i = close < 0 ? text.length() : close + 1;
                continue;
            }
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                end++;
            }
            String token = text.substring(i, end);
            i = end;
            boolean prefix = token.endsWith("*");
            String[] pieces = words(token.replace('*', ' ')).split(" ");
            if (pieces.length == 1 && pieces[0].isEmpty()) {
                loneStar |= prefix;
                continue;
            }
            for (int p = 0; p < pieces.length; p++) {
                boolean last = p == pieces.length - 1;
                clauses.add(new SearchQuery.Clause(prefix && last ? SearchQuery.Kind.PREFIX : SearchQuery.Kind.WORD,
                        pieces[p], excluded));
            }
        }
        if (clauses.isEmpty()) {
            throw new DomainException.InvalidParameter(loneStar
                    ? "A lone '*' cannot be searched: put it at the end of a word, as in 'norm*'"
                    : "q has no words to search for: use letters or digits");
        }
        if (clauses.stream().allMatch(SearchQuery.Clause::excluded)) {
            throw new DomainException.InvalidParameter("q only excludes words (-word); add at least one word to search for");
        }
        if (clauses.size() > MAX_CLAUSES) {
            throw new DomainException.InvalidParameter("q has " + clauses.size() + " words, phrases and exclusions; use at most "
                    + MAX_CLAUSES);
        }
        return new SearchQuery(clauses);
    }

    /**
     * The words of {@code s} separated by single spaces: separators become spaces, and pieces without a letter or
     * digit (stray punctuation) are dropped, and so are leading hyphens, which would read as exclusions.
     */
    static String words(String s) {
        var sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(SEPARATORS.indexOf(c) >= 0 || Character.isISOControl(c) ? ' ' : c);
        }
        var out = new StringBuilder();
        for (String piece : sb.toString().strip().split("\\s+")) {
            piece = piece.replaceFirst("^-+", "");
            if (piece.codePoints().anyMatch(Character::isLetterOrDigit)) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(piece);
            }
        }
        return out.toString();
    }
}
