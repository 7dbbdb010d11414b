package io.essays.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class LinkAnalysisTest {

    private static boolean finds(String term, String text) {
        Pattern p = LinkAnalysis.termPattern(term);
        return p.matcher(text).find();
    }

    @Test
    void termsMatchCaseInsensitivelyOnWordBoundaries() {
        assertThat(finds("softmax", "Then SoftMax normalises.")).isTrue();
        assertThat(finds("softmax", "a softmax-based head")).isTrue();
        assertThat(finds("softmax", "softmaxes")).isFalse();
        assertThat(finds("softmax", "hardsoftmax")).isFalse();
        assertThat(finds("gpt", "GPT_2")).isFalse();
    }

    @Test
    void wordsOfATermMatchAcrossAnyWhitespace() {
        assertThat(finds("cross entropy", "the cross\n  entropy loss")).isTrue();
        assertThat(finds("cross entropy", "the cross-entropy loss")).isFalse();
    }

    @Test
    void termsAreLiteralAndApostrophesMatchTypographicOnes() {
        assertThat(finds("bayes' theorem", "By Bayes\u2019 theorem")).isTrue();
        assertThat(finds("a.b", "axb")).isFalse();
        assertThat(finds("vaswani et al. 2017", "as Vaswani et al. 2017 showed")).isTrue();
    }

    @Test
    void nonLatinLettersAreWordCharacters() {
        assertThat(finds("entropie", "Entropiewert")).isFalse();
        assertThat(finds("énergie", "l'énergie libre")).isTrue();
    }
}
