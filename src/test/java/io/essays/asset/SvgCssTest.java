package io.essays.asset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The url(…) references CSS in an SVG may hold: same-document fragments only, in any of CSS's spellings. */
class SvgCssTest {

    @Test
    void fragmentReferencesPassQuotedOrNotWithBlanks() {
        for (String css : new String[] {".a{fill:url(#g)}", ".a{fill:url( #g )}", ".a{fill:url(\"#g\")}",
                ".a{fill:url( '#g' ) ; stroke:url(#h)}", ".a{fill:url(\n#g\n)}",
                ".a{fill:url(#g)} .b{fill:url(#h)} .c{clip-path:url(#p1)}"}) {
            assertThat(SvgCss.problem(css)).as(css).isNull();
        }
    }

    @Test
    void anyOtherReferenceIsRefusedNamingIt() {
        assertThat(SvgCss.problem(".a{fill:url(#g)} .b{fill:url(https://evil.example/x#p)}"))
                .isEqualTo("url(https://evil.example/x#p) is not allowed in CSS: only same-document references such as url(#id)");
        assertThat(SvgCss.problem(".a{fill:url('x.svg#p')}"))
                .isEqualTo("url(x.svg#p) is not allowed in CSS: only same-document references such as url(#id)");
        assertThat(SvgCss.problem(".a{fill:url(\"#g\" x)}")).isEqualTo("an unterminated url( is not allowed in CSS");
    }

    @Test
    void anUnterminatedUrlIsRefusedHoweverManyThereAre() {
        assertThat(SvgCss.problem(".a{fill:url(#g")).isEqualTo("an unterminated url( is not allowed in CSS");
        assertThat(SvgCss.problem(".a{fill:url(\"#g)}")).isEqualTo("an unterminated url( is not allowed in CSS");
        assertThat(SvgCss.problem(".a{fill:url(#g\nh)}")).isEqualTo("an unterminated url( is not allowed in CSS");
        // the shape that took a pattern minutes: thousands of url( on one line, none closed
        assertThat(SvgCss.problem("rect{fill:" + "url(".repeat(24_000) + "}"))
                .isEqualTo("an unterminated url( is not allowed in CSS");
        // nested ones close at the first ')' and name what is not a fragment
        assertThat(SvgCss.problem("rect{fill:" + "url(".repeat(1_000) + "#g)}")).startsWith("url(url(url(");
    }
}
