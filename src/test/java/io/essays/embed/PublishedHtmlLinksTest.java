package io.essays.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishedHtmlLinksTest {

    @Test
    void aLinkWithASchemeIsExternalEvenWhereJavaNetUriRefusesIt() {
        assertThat(PublishedHtml.isExternal("https://example.com/a|b")).isTrue();
        assertThat(PublishedHtml.isExternal("https://example.com/wiki/File:A[1].png")).isTrue();
        assertThat(PublishedHtml.isExternal("https://example.com/x y")).isTrue();
        assertThat(PublishedHtml.isExternal("mailto:someone@example.com")).isTrue();
        assertThat(PublishedHtml.isExternal("//cdn.example.com/x")).isTrue();
    }

    @Test
    void relativeLinksAndScriptsAreNot() {
        assertThat(PublishedHtml.isExternal("#details")).isFalse();
        assertThat(PublishedHtml.isExternal("/essays/softmax")).isFalse();
        assertThat(PublishedHtml.isExternal("softmax.md#a:b")).isFalse();
        assertThat(PublishedHtml.isExternal("essays/x:y")).isFalse();
        assertThat(PublishedHtml.isExternal("JavaScript:alert(1)")).isFalse();
        assertThat(PublishedHtml.isExternal(":nothing")).isFalse();
        assertThat(PublishedHtml.isExternal("é:x")).isFalse();
    }
}
