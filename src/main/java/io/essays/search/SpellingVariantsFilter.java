package io.essays.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds British spellings onto American ones before stemming, so that "normalise", "normalisation" and
 * "normalized" meet, and "behaviour" and "behavior": {@code -ise(d|s|r|rs)/-ising/-isation(s)/-isational/-isable}
 * become {@code -iz…}, {@code -yse…} become {@code -yz…}, {@code -our(s|ed|ing|able)} becomes {@code -or…}. At least
 * three letters must precede the suffix, which spares short words ("raise", "noise", "four", "hour", "your"); the
 * rest of the false folds ("promise" → "promize") are harmless because index and queries fold alike.
 */
final class SpellingVariantsFilter extends TokenFilter {
    private static final Pattern ISE = Pattern.compile("(\\p{L}{3,})is(e|ed|es|er|ers|ing|ation|ations|ational|able)");
    private static final Pattern YSE = Pattern.compile("(\\p{L}{3,})ys(e|ed|es|er|ers|ing)");
    private static final Pattern OUR = Pattern.compile("(\\p{L}{3,})our(s|ed|ing|able)?");
    /** Every ending the patterns fold; a term must end with one of them, after at least three characters. */
    private static final char[][] ENDINGS = endings("ise", "ised", "ises", "iser", "isers", "ising", "isation",
            "isations", "isational", "isable", "yse", "ysed", "yses", "yser", "ysers", "ysing", "our", "ours", "oured",
            "ouring", "ourable");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    SpellingVariantsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (mayFold(term.buffer(), term.length())) {
            String folded = fold(term.toString());
            if (folded != null) {
                term.setEmpty().append(folded);
            }
        }
        return true;
    }

    /** Whether the term ends with one of {@link #ENDINGS}: a cheap test (most words fail it) before the patterns. */
    static boolean mayFold(char[] buffer, int length) {
        for (char[] ending : ENDINGS) {
            int from = length - ending.length;
            if (from >= 3 && Arrays.equals(buffer, from, length, ending, 0, ending.length)) {
                return true;
            }
        }
        return false;
    }

    private static char[][] endings(String... endings) {
        return Arrays.stream(endings).map(String::toCharArray).toArray(char[][]::new);
    }

    /** The American spelling of a lowercase word, or null when it has no British suffix. */
    static String fold(String word) {
        Matcher m = ISE.matcher(word);
        if (m.matches()) {
            return m.group(1) + "iz" + m.group(2);
        }
        m = YSE.matcher(word);
        if (m.matches()) {
            return m.group(1) + "yz" + m.group(2);
        }
        m = OUR.matcher(word);
        if (m.matches()) {
            return m.group(1) + "or" + (m.group(2) == null ? "" : m.group(2));
        }
        return null;
    }
}
