package io.essays.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.essays.markdown.RenderingFingerprint;

/** The release hash decides whether an import re-renders: content and everything that renders it go into it. */
class ReleaseHashTest {
    private static final RenderingFingerprint PIPELINE = RenderingFingerprint.current("/essays/{slug}");

    @Test
    void unchangedContentAndPipelineKeepTheHash() {
        assertThat(ImportService.releaseHash("abc", PIPELINE))
                .isEqualTo(ImportService.releaseHash("abc", RenderingFingerprint.current("/essays/{slug}")));
    }

    @Test
    void aLibraryUpgradeChangesTheHashOfUnchangedContent() {
        assertThat(ImportService.releaseHash("abc", PIPELINE.with("commonmark", "0.29.0")))
                .isNotEqualTo(ImportService.releaseHash("abc", PIPELINE));
        assertThat(ImportService.releaseHash("abc", PIPELINE.with("jsoup", "1.25.0")))
                .isNotEqualTo(ImportService.releaseHash("abc", PIPELINE));
    }

    @Test
    void anotherLinkTemplateChangesTheHashOfUnchangedContent() {
        assertThat(ImportService.releaseHash("abc", RenderingFingerprint.current("/posts/{slug}")))
                .isNotEqualTo(ImportService.releaseHash("abc", PIPELINE));
    }

    @Test
    void changedContentChangesTheHash() {
        assertThat(ImportService.releaseHash("abd", PIPELINE)).isNotEqualTo(ImportService.releaseHash("abc", PIPELINE));
    }
}
