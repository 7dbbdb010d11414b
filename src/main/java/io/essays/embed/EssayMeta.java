package io.essays.embed;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a frontend's server-rendered {@code <head>} needs for one essay: canonical URL, social cards, discovery. */
@Schema(description = "What an essay page's <head> needs: canonical URL, Open Graph and Twitter card fields, the oEmbed "
        + "discovery link and schema.org Article JSON-LD; every URL absolute")
public record EssayMeta(
        @Schema(examples = "https://essays.example.org/essays/softmax") String canonicalUrl,
        @Schema(examples = "The Softmax Function") String title,
        String description,
        OpenGraph openGraph,
        TwitterCard twitter,
        OEmbedLink oembed,
        @Schema(description = "schema.org Article, for a script element of type application/ld+json", type = SchemaType.OBJECT)
        Map<String, Object> jsonLd) {

    /** Open Graph ({@code og:*} and {@code article:*}) properties. */
    @Schema(description = "Open Graph properties (og:*, article:*); image fields are null unless the essay has a PNG, "
            + "JPEG, WebP or GIF image of at least 200 by 200 pixels (social sites render no SVG)")
    public record OpenGraph(String type, String title, String description, String url, String siteName,
                            @Schema(nullable = true) String image, @Schema(nullable = true) Integer imageWidth,
                            @Schema(nullable = true) Integer imageHeight, @Schema(nullable = true) String imageAlt,
                            String publishedTime, @Schema(nullable = true) String modifiedTime, String section,
                            List<String> tags) {
    }

    /** Twitter card ({@code twitter:*}) fields. */
    @Schema(description = "Twitter card fields: summary_large_image when the card's image is at least 300 by 157 "
            + "pixels, else summary")
    public record TwitterCard(String card, String title, String description, @Schema(nullable = true) String image,
                              @Schema(nullable = true) String imageAlt) {
    }

    /** The oEmbed discovery link ({@code <link rel="alternate" type="application/json+oembed">}). */
    @Schema(description = "The oEmbed discovery link: <link rel=\"alternate\" type=\"application/json+oembed\" href title>")
    public record OEmbedLink(String href, @Schema(examples = "application/json+oembed") String type, String title) {
    }
}
