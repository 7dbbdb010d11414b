package io.essays.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class RenderingFingerprintTest {
    private static final RenderingFingerprint CURRENT = RenderingFingerprint.current("/essays/{slug}");

    @Test
    void libraryVersionsAreReadFromTheClasspath() {
        assertThat(CURRENT.inputs()).containsKeys("commonmark", "commonmark-ext-gfm-tables", "commonmark-ext-footnotes",
                "commonmark-ext-autolink", "commonmark-ext-gfm-strikethrough", "commonmark-ext-heading-anchor",
                "commonmark-ext-task-list-items", "jsoup", "essay-url-template");
        assertThat(CURRENT.inputs().get("commonmark")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(CURRENT.inputs().get("jsoup")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(CURRENT.inputs().get("commonmark-ext-gfm-tables")).isEqualTo(CURRENT.inputs().get("commonmark"));
        assertThat(CURRENT.toString()).contains("jsoup=" + CURRENT.inputs().get("jsoup")).doesNotContain("code:");
    }

    @Test
    void theSameInputsGiveTheSameHash() {
        assertThat(RenderingFingerprint.current("/essays/{slug}").hash()).isEqualTo(CURRENT.hash()).hasSize(64);
    }

    @Test
    void anotherLibraryVersionChangesTheHash() {
        assertThat(CURRENT.with("commonmark", "0.99.0").hash()).isNotEqualTo(CURRENT.hash());
        assertThat(CURRENT.with("jsoup", "9.9.9").hash()).isNotEqualTo(CURRENT.hash());
        assertThat(CURRENT.with("katex", "0.16.11").hash()).isNotEqualTo(CURRENT.hash());
    }

    @Test
    void anotherLinkTemplateChangesTheHash() {
        assertThat(RenderingFingerprint.current("/posts/{slug}").hash()).isNotEqualTo(CURRENT.hash());
        assertThat(RenderingFingerprint.current("/posts/{slug}").inputs()).containsEntry("essay-url-template", "/posts/{slug}");
    }

    @Test
    void moreCodeChangesTheHash() {
        RenderingFingerprint more = RenderingFingerprint.current("/essays/{slug}", RenderingFingerprintTest.class);
        assertThat(more.inputs()).containsKey("code:" + RenderingFingerprintTest.class.getName());
        assertThat(more.hash()).isNotEqualTo(CURRENT.hash());
    }

    @Test
    void codeHashesCoverNestedClassesAndDifferBetweenClasses() {
        assertThat(RenderingFingerprint.codeHash(RenderedBody.class)).hasSize(64)
                .isNotEqualTo(RenderingFingerprint.codeHash(TocEntry.class))
                .isEqualTo(RenderingFingerprint.codeHash(RenderedBody.class));
    }

    @Test
    void aLibraryWithoutVersionInformationIsUnknown() {
        assertThat(RenderingFingerprint.version(RenderingFingerprintTest.class, "no.such.group", "nothing"))
                .isEqualTo("unknown");
        assertThat(RenderingFingerprint.version(org.jsoup.Jsoup.class, "org.jsoup", "jsoup"))
                .isEqualTo(org.jsoup.Jsoup.class.getPackage().getImplementationVersion());
    }

    @Test
    void everyClassOfThePipelineIsFingerprinted() throws IOException {
        Path classes = Path.of("target/classes/io/essays/markdown");
        try (Stream<Path> files = Files.list(classes)) {
            var names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> "io.essays.markdown." + n.substring(0, n.length() - ".class".length())).sorted().toList();
            assertThat(RenderingFingerprint.PIPELINE.stream().map(Class::getName).sorted().toList())
                    .as("add new classes of io.essays.markdown to RenderingFingerprint.PIPELINE").isEqualTo(names);
        }
    }
}
