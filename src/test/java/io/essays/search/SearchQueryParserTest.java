package io.essays.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.essays.DomainException;
import io.essays.search.SearchQuery.Clause;
import io.essays.search.SearchQuery.Kind;

class SearchQueryParserTest {

    private static List<Clause> clauses(String q) {
        return SearchQueryParser.parse(q).clauses();
    }

    private static String normalized(String q) {
        return SearchQueryParser.parse(q).normalized();
    }

    private static void rejected(String q, String detail) {
        assertThatThrownBy(() -> SearchQueryParser.parse(q))
                .isInstanceOf(DomainException.InvalidParameter.class)
                .hasMessage(detail);
    }

    @Test
    void plainWordsAreLowercasedInTheOrderWritten() {
        assertThat(clauses("Softmax  TEMPERATURE")).containsExactly(
                new Clause(Kind.WORD, "softmax", false), new Clause(Kind.WORD, "temperature", false));
    }

    @Test
    void quotesMakeAPhrase() {
        assertThat(clauses("\"Dot  product\" attention")).containsExactly(
                new Clause(Kind.PHRASE, "dot product", false), new Clause(Kind.WORD, "attention", false));
    }

    @Test
    void aQuotedSingleWordIsAWord() {
        assertThat(clauses("\"softmax\"")).containsExactly(new Clause(Kind.WORD, "softmax", false));
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertThat(clauses("softmax \"dot product")).containsExactly(
                new Clause(Kind.WORD, "softmax", false), new Clause(Kind.PHRASE, "dot product", false));
    }

    @Test
    void aTrailingStarMakesAPrefix() {
        assertThat(clauses("normaliz* layer**")).containsExactly(
                new Clause(Kind.PREFIX, "normaliz", false), new Clause(Kind.PREFIX, "layer", false));
    }

    @Test
    void aStarElsewhereIsIgnored() {
        assertThat(normalized("*soft so*ft \"dot* product\"")).isEqualTo("soft so ft \"dot product\"");
    }

    @Test
    void aLeadingMinusExcludesAWordAPhraseOrAPrefix() {
        assertThat(clauses("temperature -physics -\"statistical mechanics\" -norm*")).containsExactly(
                new Clause(Kind.WORD, "temperature", false), new Clause(Kind.WORD, "physics", true),
                new Clause(Kind.PHRASE, "statistical mechanics", true), new Clause(Kind.PREFIX, "norm", true));
    }

    @Test
    void aHyphenInsideAWordIsPartOfIt() {
        assertThat(clauses("cross-entropy")).containsExactly(new Clause(Kind.WORD, "cross-entropy", false));
    }

    @Test
    void aLoneMinusIsIgnored() {
        assertThat(normalized("softmax - temperature")).isEqualTo("softmax temperature");
    }

    @Test
    void luceneOperatorsSeparateWords() {
        assertThat(normalized("title:softmax (temperature)^2 AND ~x [a TO b] {c} !d &&e || f+g/h? i=j<k>;l,m"))
                .isEqualTo("title softmax temperature 2 and x a to b c d e f g h i j k l m");
    }

    @Test
    void punctuationWithoutLettersIsDropped() {
        assertThat(normalized("softmax ... -- ' temperature")).isEqualTo("softmax temperature");
    }

    @Test
    void codeIdentifiersAndTexStayWhole() {
        assertThat(clauses("torch.device log_softmax \\frac")).containsExactly(
                new Clause(Kind.WORD, "torch.device", false), new Clause(Kind.WORD, "log_softmax", false),
                new Clause(Kind.WORD, "\\frac", false));
    }

    @Test
    void theNormalizedFormParsesToItself() {
        for (String q : List.of("Softmax \"dot product\" -physics norm* -\"a b\"", "a:-b", "\"x", "-\"y z\" w*",
                "title:softmax (x)^2", "x --foo")) {
            String once = normalized(q);
            assertThat(normalized(once)).as(q).isEqualTo(once);
        }
    }

    @Test
    void emptyQueryIsRejected() {
        rejected(null, "q must not be empty: give one or more words to search for");
        rejected("", "q must not be empty: give one or more words to search for");
        rejected(" \t\n", "q must not be empty: give one or more words to search for");
    }

    @Test
    void tooLongQueryIsRejectedWithTheLimit() {
        assertThat(normalized("a".repeat(200))).hasSize(200);
        rejected("a".repeat(201), "q is 201 characters long; shorten it to at most 200");
        rejected("😀".repeat(201), "q is 201 characters long; shorten it to at most 200");
    }

    @Test
    void aLoneStarIsRejected() {
        rejected("*", "A lone '*' cannot be searched: put it at the end of a word, as in 'norm*'");
        rejected(" ** ", "A lone '*' cannot be searched: put it at the end of a word, as in 'norm*'");
        assertThat(normalized("softmax *")).isEqualTo("softmax");
    }

    @Test
    void onlySymbolsAreRejected() {
        rejected("((( ))) :", "q has no words to search for: use letters or digits");
        rejected("\"\"", "q has no words to search for: use letters or digits");
    }

    @Test
    void onlyExclusionsAreRejected() {
        rejected("-softmax -\"dot product\"", "q only excludes words (-word); add at least one word to search for");
    }

    @Test
    void tooManyClausesAreRejected() {
        assertThat(clauses("w ".repeat(32))).hasSize(32);
        rejected("w ".repeat(33), "q has 33 words, phrases and exclusions; use at most 32");
    }
}
