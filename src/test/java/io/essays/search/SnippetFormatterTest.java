package io.essays.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SnippetFormatterTest {

    @Test
    void aLongPassageIsNeverCutBetweenTheHalvesOfACharacter() {
        // 𝑥 (U+1D465) is two UTF-16 chars; with no whitespace to cut at, the window's edges fall on odd offsets,
        // between the halves of a pair
        String x = "\uD835\uDC65";
        String content = x.repeat(200) + "xsoftmax" + x.repeat(200);
        int match = content.indexOf("softmax");
        var passage = new Passage();
        passage.setStartOffset(0);
        passage.setEndOffset(content.length());
        passage.addMatch(match, match + "softmax".length(), new BytesRef("softmax"), 1);

        SnippetFormatter.Cut cut = SnippetFormatter.cut(passage, content);

        for (String s : new String[] {cut.text(), cut.html()}) {
            assertThat(s.codePoints().filter(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                    .as("lone surrogates").isEmpty();
            assertThat(s).startsWith(SnippetFormatter.ELLIPSIS + x).endsWith(x + SnippetFormatter.ELLIPSIS);
        }
        assertThat(cut.html()).contains("x<mark>softmax</mark>" + x);
        assertThat(cut.text().codePointCount(0, cut.text().length())).isLessThanOrEqualTo(SnippetFormatter.MAX_CHARS + 2);
    }
}
