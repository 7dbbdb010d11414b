package io.essays.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FigureRenderingTest {
    private static final String HASH = "ab12";
    private static final Map<String, ImageAsset> ASSETS = Map.of(
            "../assets/softmax/temperature.svg",
            new ImageAsset("softmax/temperature.svg", HASH, "image/svg+xml", 1234, 534, 325),
            "../assets/dot.png", new ImageAsset("dot.png", "cd34", "image/png", 99, 3, 2));
    private static final AssetResolver RESOLVER = destination -> ASSETS.containsKey(destination)
            ? new AssetResolver.Resolution(ASSETS.get(destination), null)
            : new AssetResolver.Resolution(null, "image '" + destination + "' not found");

    private final MarkdownRenderer renderer = new MarkdownRenderer("/essays/{slug}", "/api/v1/assets");

    private RenderedBody render(String markdown) {
        return renderer.render(markdown, 0, RESOLVER);
    }

    private String html(String markdown) {
        return render(markdown).html().strip();
    }

    @Test
    void imageAloneWithTitleBecomesAFigureWithCaptionNotInsideAParagraph() {
        assertThat(html("Before.\n\n![Softmax at three temperatures](../assets/softmax/temperature.svg "
                + "\"Lower temperature sharpens the distribution\")\n\nAfter."))
                .isEqualTo("<p>Before.</p>\n<figure><img src=\"/api/v1/assets/ab12/softmax/temperature.svg\" "
                        + "alt=\"Softmax at three temperatures\" width=\"534\" height=\"325\" loading=\"lazy\" "
                        + "decoding=\"async\"><figcaption>Lower temperature sharpens the distribution</figcaption>"
                        + "</figure>\n<p>After.</p>");
    }

    @Test
    void imageWithoutTitleStaysInItsParagraph() {
        assertThat(html("![A dot](../assets/dot.png)"))
                .isEqualTo("<p><img src=\"/api/v1/assets/cd34/dot.png\" alt=\"A dot\" width=\"3\" height=\"2\" "
                        + "loading=\"lazy\" decoding=\"async\"></p>");
    }

    @Test
    void inlineImageWithTitleKeepsItAsTitleAndIsNoFigure() {
        assertThat(html("See ![a dot](../assets/dot.png \"A red dot\") here."))
                .isEqualTo("<p>See <img src=\"/api/v1/assets/cd34/dot.png\" alt=\"a dot\" width=\"3\" height=\"2\" "
                        + "title=\"A red dot\" loading=\"lazy\" decoding=\"async\"> here.</p>");
    }

    @Test
    void captionAndAltAreEscaped() {
        assertThat(html("![a <b> & \"c\"](../assets/dot.png \"x < y & <script>\")"))
                .contains("alt=\"a &lt;b&gt; &amp; &quot;c&quot;\"")
                .contains("<figcaption>x &lt; y &amp; &lt;script&gt;</figcaption>")
                .doesNotContain("<script");
    }

    @Test
    void externalImageWithTitleIsAFigureToo() {
        assertThat(html("![A chart](https://example.org/chart.png \"From elsewhere\")"))
                .isEqualTo("<figure><img src=\"https://example.org/chart.png\" alt=\"A chart\">"
                        + "<figcaption>From elsewhere</figcaption></figure>");
    }

    @Test
    void assetImagesAreListedInDocumentOrderWithLines() {
        var body = renderer.render("Intro.\n\n![First](../assets/dot.png)\n\n"
                + "![Second](../assets/softmax/temperature.svg \"Cap\")\n", 7, RESOLVER);
        assertThat(body.images()).extracting(ImageUse::url, ImageUse::alt, ImageUse::caption, ImageUse::line)
                .containsExactly(tuple("/api/v1/assets/cd34/dot.png", "First", null, 10),
                        tuple("/api/v1/assets/ab12/softmax/temperature.svg", "Second", "Cap", 12));
        assertThat(body.problems()).isEmpty();
    }

    @Test
    void unknownAssetAndMissingAltTextAreReportedWithTheirLines() {
        var body = renderer.render("Text.\n\n![](../assets/dot.png)\n\nAnd ![a thing](../assets/nope.svg).\n\n"
                + "![](https://example.org/x.png)\n", 4, RESOLVER);
        assertThat(body.problems()).extracting(BodyProblem::line, BodyProblem::message).containsExactly(
                tuple(7, "image '../assets/dot.png' has no alt text: say what it shows between the brackets, "
                        + "![what it shows](…)"),
                tuple(9, "image '../assets/nope.svg' not found"),
                tuple(11, "image 'https://example.org/x.png' has no alt text: say what it shows between the brackets, "
                        + "![what it shows](…)"));
    }

    @Test
    void assetBaseUrlMayPointAtACdn() {
        var cdn = new MarkdownRenderer("/essays/{slug}", "https://cdn.example/essays/");
        assertThat(cdn.render("![A dot](../assets/dot.png)", 0, RESOLVER).html())
                .contains("src=\"https://cdn.example/essays/cd34/dot.png\"");
    }

    @Test
    void altTextIsNotCountedAsWords() {
        assertThat(render("One two.\n\n![Three four five](../assets/dot.png \"Six seven\")\n").wordCount()).isEqualTo(2);
    }
}
