package io.essays.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.essays.asset.ImageType;
import io.essays.markdown.MarkdownRenderer;

/** content/assets/: what is checked, and every problem with its file and line. */
class AssetValidationTest {
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 60\">\n"
            + "<style>svg{--fg:#111}@media (prefers-color-scheme: dark){svg{--fg:#eee}}.t{fill:var(--fg)}</style>\n"
            + "<text class=\"t\">x</text>\n</svg>\n";

    @TempDir
    Path dir;
    private CorpusReader reader = new CorpusReader(new MarkdownRenderer("/essays/{slug}", "/api/v1/assets"));

    @BeforeEach
    void series() throws IOException {
        write("series/basics.yaml", "title: Basics\norder: 1\ndescription: The basics.\n");
    }

    private void write(String name, String text) throws IOException {
        write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
    }

    /** An essay whose body starts on line 8. */
    private void essay(String slug, String body) throws IOException {
        write("essays/" + slug + ".md", "---\ntitle: An Essay\nseries: basics\norder: 1\nsummary: One paragraph.\n"
                + "published: 2026-01-01\n---\n" + body);
    }

    private static byte[] png(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private List<Problem> problems() {
        return catchThrowableOfType(InvalidCorpusException.class, () -> reader.read(dir)).problems();
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void assetsAreReadWithTypeSizeAndHashAndResolvedRelativeToTheEssay() throws IOException {
        write("assets/a/figure.svg", SVG);
        write("assets/photos/dot.PNG", png(4, 3));
        essay("a", "Look:\n\n![A figure](../assets/a/figure.svg \"The caption\")\n\nAnd ![a dot](./../assets/photos/dot.PNG).\n");
        Corpus corpus = reader.read(dir);
        assertThat(corpus.assets()).extracting(AssetSource::path, AssetSource::type, AssetSource::width, AssetSource::height)
                .containsExactly(tuple("a/figure.svg", ImageType.SVG, 120, 60), tuple("photos/dot.PNG", ImageType.PNG, 4, 3));
        assertThat(corpus.assets().get(0).hash()).hasSize(64);
        // assets in sub-folders are part of the hash an import compares before reading anything
        assertThat(CorpusReader.contentHash(dir)).contains(corpus.contentHash());
        write("assets/photos/dot.PNG", png(4, 4));
        assertThat(CorpusReader.contentHash(dir)).isNotEqualTo(java.util.Optional.of(corpus.contentHash()));
        assertThat(corpus.warnings()).isEmpty();
        var images = corpus.essays().get(0).rendered().images();
        assertThat(images).extracting(i -> i.asset().path(), i -> i.caption(), i -> i.line())
                .containsExactly(tuple("a/figure.svg", "The caption", 10), tuple("photos/dot.PNG", null, 12));
        assertThat(images.get(0).url()).isEqualTo("/api/v1/assets/" + corpus.assets().get(0).hash() + "/a/figure.svg");
        assertThat(corpus.essays().get(0).source()).contains("](../assets/a/figure.svg ");
    }

    @Test
    void contentHashChangesWhenAnAssetChanges() throws IOException {
        write("assets/dot.png", png(4, 3));
        essay("a", "![a dot](../assets/dot.png)\n");
        String before = reader.read(dir).contentHash();
        write("assets/dot.png", png(5, 3));
        assertThat(reader.read(dir).contentHash()).isNotEqualTo(before);
    }

    @Test
    void missingAssetIsReportedWithTheLineOfTheImage() throws IOException {
        essay("a", "Intro.\n\nSee ![a chart](../assets/a/chart.svg).\n");
        assertThat(problems()).extracting(Problem::file, Problem::line, Problem::message).containsExactly(
                tuple(file("essays/a.md"), 10, "image '../assets/a/chart.svg' not found: no file assets/a/chart.svg"));
    }

    @Test
    void relativeImageOutsideAssetsIsReported() throws IOException {
        essay("a", "![a chart](images/chart.png)\n");
        assertThat(problems()).extracting(Problem::line, Problem::message).containsExactly(tuple(8,
                "image 'images/chart.png' is not under assets/: reference an asset relative to the essay, e.g. "
                        + "../assets/<essay>/figure.svg"));
    }

    @Test
    void imageWithoutAltTextIsReportedWithItsLine() throws IOException {
        write("assets/dot.png", png(1, 1));
        essay("a", "One.\n\nTwo.\n\n![](../assets/dot.png)\n");
        assertThat(problems()).extracting(Problem::line, Problem::message).containsExactly(tuple(12,
                "image '../assets/dot.png' has no alt text: say what it shows between the brackets, ![what it shows](…)"));
    }

    @Test
    void typeThatIsNotAllowedIsReportedAndNotAlsoAsMissing() throws IOException {
        write("assets/doc.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        essay("a", "![a document](../assets/doc.pdf)\n");
        assertThat(problems()).extracting(Problem::file, Problem::line, Problem::message).containsExactly(
                tuple(file("assets/doc.pdf"), 0, "not an allowed image type: assets must be SVG, PNG, JPEG, WebP or GIF "
                        + "(recognised by their content)"));
    }

    @Test
    void htmlIsNoImageWhateverItsName() throws IOException {
        write("assets/page.html", "<html><body onload=\"x()\">hi</body></html>");
        write("assets/page.svg", "<html><body>hi</body></html>");
        essay("a", "![a page](../assets/page.html) ![another](../assets/page.svg)\n");
        assertThat(problems()).extracting(Problem::file, Problem::message).containsExactly(
                tuple(file("assets/page.html"), "not an allowed image type: assets must be SVG, PNG, JPEG, WebP or GIF "
                        + "(recognised by their content)"),
                tuple(file("assets/page.svg"), "not an SVG document: the root element must be "
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\">, found <html>"));
    }

    @Test
    void typeThatDoesNotMatchTheExtensionIsReported() throws IOException {
        write("assets/photo.jpg", png(2, 2));
        write("assets/figure.png", SVG);
        essay("a", "![a photo](../assets/photo.jpg) ![a figure](../assets/figure.png)\n");
        assertThat(problems()).extracting(Problem::file, Problem::message).containsExactly(
                tuple(file("assets/figure.png"), "the content is SVG but the extension does not say so: use .svg"),
                tuple(file("assets/photo.jpg"), "the content is PNG but the extension does not say so: use .png"));
    }

    @Test
    void fileOverTheLimitIsReported() throws IOException {
        reader = new CorpusReader(new MarkdownRenderer("/essays/{slug}"), 100, 1000);
        write("assets/big.svg", SVG + " ".repeat(100));
        essay("a", "![big](../assets/big.svg)\n");
        assertThat(problems()).extracting(Problem::file, Problem::line, Problem::message).containsExactly(
                tuple(file("assets/big.svg"), 0, "asset is " + (SVG.length() + 100)
                        + " bytes, more than the limit of 100 (essays.assets.max-file-size)"));
    }

    @Test
    void assetsOverTheTotalLimitAreReported() throws IOException {
        reader = new CorpusReader(new MarkdownRenderer("/essays/{slug}"), 1000, 300);
        write("assets/one.svg", SVG);
        write("assets/two.svg", SVG);
        essay("a", "![one](../assets/one.svg) ![two](../assets/two.svg)\n");
        assertThat(problems()).extracting(Problem::file, Problem::line, Problem::message).containsExactly(
                tuple(file("assets"), 0, "assets add up to " + 2 * SVG.length()
                        + " bytes, more than the limit of 300 (essays.assets.max-total-size)"));
    }

    @Test
    void svgThatIsNotWellFormedIsReportedWithItsLine() throws IOException {
        write("assets/broken.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">\n<g>\n"
                + "<rect>\n</g>\n</svg>\n");
        essay("a", "![broken](../assets/broken.svg)\n");
        List<Problem> problems = problems();
        assertThat(problems).extracting(Problem::file, Problem::line).containsExactly(tuple(file("assets/broken.svg"), 4));
        assertThat(problems.get(0).message()).startsWith("SVG is not well-formed XML: ");
    }

    @Test
    void svgWithDoctypeIsReportedWithItsLine() throws IOException {
        write("assets/entities.svg", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY a \"b\">]>\n" + SVG);
        essay("a", "![entities](../assets/entities.svg)\n");
        assertThat(problems()).extracting(Problem::file, Problem::line, Problem::message).containsExactly(
                tuple(file("assets/entities.svg"), 2, "SVG must not have a <!DOCTYPE> (DTDs and entities are not allowed)"));
    }

    @Test
    void assetNamesThatNeedEscapingInUrlsAreReported() throws IOException {
        write("assets/my figure.svg", SVG);
        essay("a", "Text.\n");
        assertThat(problems()).extracting(Problem::file, Problem::message).containsExactly(tuple(file("assets/my figure.svg"),
                "asset names may use only letters, digits, '.', '_' and '-' (and start with a letter or digit), "
                        + "so that their URLs need no escaping"));
    }

    @Test
    void unusedAssetAndSanitizedSvgAreWarningsThatDoNotFailTheImport() throws IOException {
        write("assets/unused.png", png(1, 1));
        write("assets/active.svg", SVG.replace("<text ", "<text onclick=\"steal()\" "));
        write("assets/.DS_Store", "junk");
        essay("a", "![active](../assets/active.svg)\n");
        Corpus corpus = reader.read(dir);
        assertThat(corpus.warnings()).extracting(Problem::file, Problem::line, Problem::message).containsExactly(
                tuple(file("assets/active.svg"), 3, "removed from the SVG: event handler onclick on <text>"),
                tuple(file("assets/unused.png"), 0, "asset is not used by any essay"));
        assertThat(new String(corpus.assets().get(0).bytes(), StandardCharsets.UTF_8)).doesNotContain("onclick", "steal");
    }
}
