package io.essays.essay;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.essays.markdown.TocEntry;

/** Everything about one essay. */
@Schema(description = "Everything about one essay: metadata, table of contents, sanitized HTML and its cross-links")
public record EssayDetail(
        @Schema(examples = "softmax") String slug,
        @Schema(examples = "The Softmax Function") String title,
        String summary,
        SeriesRef series,
        @Schema(description = "Position within its series, from 1", examples = "2") int order,
        List<String> tags,
        @Schema(description = "Other names of the subject, used to find unlinked mentions") List<String> aliases,
        LocalDate published,
        @Schema(nullable = true) LocalDate updated,
        @Schema(description = "Words of prose (code and math excluded)", examples = "3120") int wordCount,
        @Schema(examples = "14") int readingMinutes,
        @Schema(description = "Every heading in document order; ids are the anchors used in the HTML") List<TocEntry> toc,
        @Schema(description = "Sanitized HTML fragment. Cross-links carry data-essay; math is MathML inside "
                + "span.math-inline/div.math-display (escaped TeX there with math=tex); images are <img> with width, "
                + "height, loading=lazy and decoding=async, captioned ones inside <figure> with <figcaption>") String html,
        @Schema(description = "The images the essay uses that this API serves, each once, in order of first use; "
                + "alt and caption are those of the first use") List<EssayAsset> assets,
        @Schema(description = "Essays this one links to, each once, in order of first link") List<EssayRef> links,
        @Schema(description = "Essays that link to this one, in reading order") List<EssayRef> backlinks,
        @Schema(description = "Previous essay in the series", nullable = true) EssayRef previous,
        @Schema(description = "Next essay in the series", nullable = true) EssayRef next,
        @Schema(description = "The essay's page URL (essays.page-url-template)",
                examples = "https://essays.example.org/essays/softmax") String pageUrl,
        @Schema(description = "oEmbed URL of the essay's page, for embedding (discovery)",
                examples = "http://localhost:8080/api/v1/oembed?url=https%3A%2F%2Fessays.example.org%2Fessays%2Fsoftmax&format=json")
        String oembedUrl) {
}
