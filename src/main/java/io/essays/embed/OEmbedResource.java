package io.essays.embed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.EssaysConfig;
import io.essays.PublicUrls;
import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusSnapshot.EssayData;
import io.essays.corpus.CorpusState;
import io.essays.essay.EssayService;
import io.essays.QueryParameters;
import io.essays.http.ContentResponses;
import io.essays.http.FastPathBindable;
import io.essays.http.Problem;
import io.essays.http.ProblemException;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The oEmbed 1.0 provider endpoint for essay page URLs. */
@Path("/api/v1/oembed")
@Tag(name = "Embeds")
@NonBlocking
public class OEmbedResource {
    private final CorpusState state;
    private final EssayService essays;
    private final PublicUrls urls;
    private final ContentResponses responses;
    private final EssaysConfig.Embed config;

    OEmbedResource(CorpusState state, EssayService essays, PublicUrls urls, ContentResponses responses, EssaysConfig config) {
        this.state = state;
        this.essays = essays;
        this.urls = urls;
        this.responses = responses;
        this.config = config.embed();
    }

    @GET
    @FastPathBindable
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "getOEmbed", summary = "oEmbed for an essay or section page URL",
            description = "oEmbed 1.0 (https://oembed.com): a rich response whose html is an iframe of the embed page. "
                    + "The url is an essay's page URL (essays.page-url-template), with #headingId for one section.")
    @APIResponse(responseCode = "200", description = "The oEmbed response", content = @Content(schema = @Schema(implementation = OEmbed.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", description = "Missing or malformed url, maxwidth or maxheight",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The url is not the page of an essay, or of a section of one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "501", description = "A format other than json (xml is not implemented)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response oembed(
            @Parameter(description = "An essay's page URL, optionally with #headingId",
                    example = "https://essays.example.org/essays/softmax") @QueryParam("url") String url,
            @Parameter(description = "Largest width for the embed, in pixels",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"),
                    example = "500") @QueryParam("maxwidth") String maxWidth,
            @Parameter(description = "Largest height for the embed, in pixels; when given, the iframe keeps this height "
                    + "and no sizing script is included",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"),
                    example = "400") @QueryParam("maxheight") String maxHeight,
            @Parameter(description = "json (default); xml is answered 501",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xml"}, defaultValue = "json"),
                    example = "json") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        if (url == null || url.isBlank()) {
            throw ProblemException.badRequest("'url' is required: the page URL of an essay");
        }
        if (!isAbsoluteHttp(url)) {
            throw ProblemException.badRequest("'url' must be an absolute http(s) URL, got '" + url + "'");
        }
        int widthLimit = QueryParameters.integer("maxwidth", maxWidth, Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        int width = Math.min(config.width(), widthLimit);
        Integer heightLimit = maxHeight == null || maxHeight.isBlank() ? null
                : QueryParameters.integer("maxheight", maxHeight, 0, 1, Integer.MAX_VALUE);
        int height = heightLimit == null ? config.height() : Math.min(config.height(), heightLimit);
        if (format != null && !format.equals("json")) {
            throw new ProblemException(501, "format-not-implemented", "Not Implemented",
                    "oEmbed format '" + format + "' is not implemented; use json");
        }
        var target = urls.parsePage(url).orElseThrow(() -> ProblemException.notFound(
                "'" + url + "' is not an essay page URL (" + urls.page("{slug}") + ")"));
        EssayData essay = corpus.essay(target.slug());
        if (essay == null) {
            throw ProblemException.notFound("No essay with slug '" + target.slug() + "' at '" + url + "'");
        }
        var heading = target.anchor() == null ? null : essay.heading(target.anchor());
        if (target.anchor() != null && heading == null) {
            throw ProblemException.notFound("Essay '" + essay.slug() + "' has no heading with id '" + target.anchor() + "'");
        }
        var first = essay.assets().isEmpty() ? null : essay.assets().get(0);
        var thumbnail = first != null && first.asset().width() <= widthLimit
                && (heightLimit == null || first.asset().height() <= heightLimit) ? first : null;
        boolean resize = heightLimit == null;
        String key = "oembed/" + essay.slug() + "#" + (heading == null ? "" : heading.id()) + "/" + width + "x" + height
                + (resize ? "/resize" : "") + (thumbnail == null ? "" : "/thumbnail");
        return responses.json(corpus, headers, key, () -> build(essay, heading, width, height, resize, thumbnail));
    }

    private OEmbed build(EssayData essay, CorpusSnapshot.HeadingData heading, int width, int height, boolean resize,
                         CorpusSnapshot.AssetUseData thumbnail) {
        String title = heading == null ? essay.title() : heading.text() + " — " + essay.title();
        String src = urls.embed(essay.slug(), heading == null ? null : heading.id());
        String html = "<iframe class=\"essays-embed-frame\" src=\"" + EmbedPages.escape(src) + "\" width=\"" + width
                + "\" height=\"" + height + "\" title=\"" + EmbedPages.escape(title)
                + "\" referrerpolicy=\"strict-origin-when-cross-origin\" style=\"border:0;max-width:100%\"></iframe>"
                + (resize ? "<script async src=\"" + EmbedPages.escape(urls.service("/embed.js")) + "\"></script>" : "");
        return new OEmbed("rich", "1.0", title, config.authorName(), config.providerName(), config.providerUrl(),
                config.cacheAge().toSeconds(),
                thumbnail == null ? null : urls.absolute(thumbnail.url()),
                thumbnail == null ? null : thumbnail.asset().width(),
                thumbnail == null ? null : thumbnail.asset().height(),
                html, width, height);
    }

    private static boolean isAbsoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
