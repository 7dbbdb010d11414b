package io.essays.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class SearchAnalyzersTest {

    private static List<String> terms(Analyzer analyzer, String text) {
        return AnalyzedQuery.tokens(analyzer, text).stream().map(AnalyzedQuery.Token::term).toList();
    }

    @Test
    void texCommandsLeaveNoTerms() {
        assertThat(terms(SearchAnalyzers.TEXT, "p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}} \\quad \\mathrm{Softmax}\\!\\,(z)"))
                .doesNotContain("frac", "sum", "quad", "mathrm")
                .contains("softmax", "p", "i", "z");
    }

    @Test
    void identifiersAreSplitIntoPartsAtConsecutivePositions() {
        assertThat(AnalyzedQuery.tokens(SearchAnalyzers.TEXT, "torch.log_softmax(x)")).containsExactly(
                new AnalyzedQuery.Token("torch", 0), new AnalyzedQuery.Token("log", 1),
                new AnalyzedQuery.Token("softmax", 2), new AnalyzedQuery.Token("x", 3));
    }

    @Test
    void inflectionsAndBritishSpellingsMeet() {
        for (String word : List.of("normalize", "normalization", "normalized", "normalizes", "normalise",
                "normalisation", "normalised", "normalising", "Normalization")) {
            assertThat(terms(SearchAnalyzers.TEXT, word)).as(word).containsExactly("normal");
        }
        assertThat(terms(SearchAnalyzers.TEXT, "behaviour")).isEqualTo(terms(SearchAnalyzers.TEXT, "behavior"));
        assertThat(terms(SearchAnalyzers.TEXT, "analyse")).isEqualTo(terms(SearchAnalyzers.TEXT, "analyze"));
    }

    @Test
    void stopWordsAndPossessivesDrop() {
        assertThat(terms(SearchAnalyzers.TEXT, "The essay's point is not the end")).containsExactly("essai", "point", "end");
    }

    @Test
    void accentsFold() {
        assertThat(terms(SearchAnalyzers.TEXT, "Hyvärinen naïve")).containsExactly("hyvarinen", "naiv");
    }

    @Test
    void surfaceWordsKeepIdentifiersWholeAndUnstemmed() {
        assertThat(terms(SearchAnalyzers.SURFACE, "Normalized log_softmax and \\frac"))
                .containsExactly("normalized", "log_softmax", "log", "softmax");
    }

    @Test
    void shortAndUnrelatedWordsAreNotFolded() {
        assertThat(SpellingVariantsFilter.fold("raise")).isNull();
        assertThat(SpellingVariantsFilter.fold("noise")).isNull();
        assertThat(SpellingVariantsFilter.fold("hour")).isNull();
        assertThat(SpellingVariantsFilter.fold("your")).isNull();
        assertThat(SpellingVariantsFilter.fold("analysis")).isNull();
        assertThat(SpellingVariantsFilter.fold("initialisation")).isEqualTo("initialization");
        assertThat(SpellingVariantsFilter.fold("colours")).isEqualTo("colors");
        assertThat(SpellingVariantsFilter.fold("paralysed")).isEqualTo("paralyzed");
    }

    @Test
    void completionTermsAreWordsOrReadableIdentifiers() {
        assertThat(Suggester.isWord("temperature")).isTrue();
        assertThat(Suggester.isWord("log_softmax")).isTrue();
        assertThat(Suggester.isWord("torch.device")).isTrue();
        assertThat(Suggester.isWord("p_i")).isFalse();
        assertThat(Suggester.isWord("q_ij")).isFalse();
        assertThat(Suggester.isWord("2017")).isFalse();
        assertThat(Suggester.isWord("kl")).isFalse();
    }
}
