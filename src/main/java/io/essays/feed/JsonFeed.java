package io.essays.feed;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the same entries as the Atom feed",
        requiredProperties = {"version", "title", "home_page_url", "feed_url", "language", "authors", "items"})
public record JsonFeed(
        @Schema(examples = "https://jsonfeed.org/version/1.1") String version,
        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        @Schema(description = "Absent when the series has none") String description,
        String language,
        List<Author> authors,
        List<Item> items) {

    /** An author. */
    @Schema(name = "JsonFeedAuthor", description = "A JSON Feed author")
    public record Author(String name, String url) {
    }

    /** One essay. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonFeedItem", description = "One essay: the page URL as id and url, the full HTML with absolute URLs")
    public record Item(
            String id,
            String url,
            String title,
            String summary,
            @JsonProperty("content_html") String contentHtml,
            @Schema(nullable = true) String image,
            @JsonProperty("date_published") @Schema(description = "RFC 3339") String datePublished,
            @JsonProperty("date_modified") @Schema(description = "RFC 3339") String dateModified,
            List<String> tags) {
    }
}
