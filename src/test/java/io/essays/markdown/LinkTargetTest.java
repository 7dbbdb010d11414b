package io.essays.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.essays.markdown.LinkTarget.Kind;

/** What a link destination points at. */
class LinkTargetTest {

    @Test
    void anEssayFileIsAnEssayWithItsAnchor() {
        assertThat(LinkTarget.of("softmax.md")).isEqualTo(new LinkTarget(Kind.ESSAY, "softmax", null));
        assertThat(LinkTarget.of("./softmax.md#temperature")).isEqualTo(new LinkTarget(Kind.ESSAY, "softmax", "temperature"));
        assertThat(LinkTarget.of("../essays/softmax.md")).isEqualTo(new LinkTarget(Kind.ESSAY, "softmax", null));
        assertThat(LinkTarget.of("  softmax.md  ")).isEqualTo(new LinkTarget(Kind.ESSAY, "softmax", null));
    }

    @Test
    void anEmptyAnchorIsNoAnchor() {
        assertThat(LinkTarget.of("softmax.md#")).isEqualTo(new LinkTarget(Kind.ESSAY, "softmax", null));
    }

    @Test
    void percentEscapesAreDecodedAndPlusStaysAPlus() {
        assertThat(LinkTarget.of("c%2B%2B.md#temp%C3%A9rature")).isEqualTo(new LinkTarget(Kind.ESSAY, "c++", "température"));
        assertThat(LinkTarget.of("a+b.md")).isEqualTo(new LinkTarget(Kind.ESSAY, "a+b", null));
        assertThat(LinkTarget.of("#a+b")).isEqualTo(new LinkTarget(Kind.ANCHOR, null, "a+b"));
    }

    @Test
    void aMalformedEscapeIsKeptAsWritten() {
        assertThat(LinkTarget.of("softmax.md#50%")).isEqualTo(new LinkTarget(Kind.ESSAY, "softmax", "50%"));
        assertThat(LinkTarget.of("#%zz")).isEqualTo(new LinkTarget(Kind.ANCHOR, null, "%zz"));
    }

    @Test
    void aHashIsAHeadingOfThisEssay() {
        assertThat(LinkTarget.of("#intro")).isEqualTo(new LinkTarget(Kind.ANCHOR, null, "intro"));
    }

    @Test
    void httpHttpsMailtoAndProtocolRelativeAreExternal() {
        assertThat(LinkTarget.of("https://example.com/a.md")).isEqualTo(new LinkTarget(Kind.EXTERNAL, null, null));
        assertThat(LinkTarget.of("HTTP://example.com")).isEqualTo(new LinkTarget(Kind.EXTERNAL, null, null));
        assertThat(LinkTarget.of("mailto:a@example.com")).isEqualTo(new LinkTarget(Kind.EXTERNAL, null, null));
        assertThat(LinkTarget.of("//cdn.example.com/x.md")).isEqualTo(new LinkTarget(Kind.EXTERNAL, null, null));
    }

    @Test
    void otherSchemesAreUnsafe() {
        assertThat(LinkTarget.of("javascript:alert(1)").kind()).isEqualTo(Kind.UNSAFE);
        assertThat(LinkTarget.of("JaVaScRiPt:x").kind()).isEqualTo(Kind.UNSAFE);
        assertThat(LinkTarget.of("data:text/html,hi").kind()).isEqualTo(Kind.UNSAFE);
        assertThat(LinkTarget.of("file:///etc/passwd").kind()).isEqualTo(Kind.UNSAFE);
    }

    @Test
    void otherRelativePathsAreNeitherEssaysNorExternal() {
        assertThat(LinkTarget.of("img/plot.png")).isEqualTo(new LinkTarget(Kind.OTHER_RELATIVE, null, null));
        assertThat(LinkTarget.of("other/softmax.md")).isEqualTo(new LinkTarget(Kind.OTHER_RELATIVE, null, null));
        assertThat(LinkTarget.of("")).isEqualTo(new LinkTarget(Kind.OTHER_RELATIVE, null, null));
        assertThat(LinkTarget.of(null)).isEqualTo(new LinkTarget(Kind.OTHER_RELATIVE, null, null));
    }
}
