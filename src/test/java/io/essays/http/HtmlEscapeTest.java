package io.essays.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlEscapeTest {
    @Test
    void theFiveSignificantCharactersBecomeEntities() {
        assertThat(HtmlEscape.text("a & b < c > d \"e\" 'f'"))
                .isEqualTo("a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
    }

    @Test
    void everythingElseIsKeptAsIs() {
        assertThat(HtmlEscape.text("naïve 日本語 e\u0301 — ok")).isEqualTo("naïve 日本語 e\u0301 — ok");
    }

    @Test
    void appendEscapesOnlyTheCharacterItIsGiven() {
        var out = new StringBuilder("<b>");
        HtmlEscape.append('&', out);
        assertThat(out).hasToString("<b>&amp;");
    }
}
