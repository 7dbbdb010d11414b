package io.essays.asset;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.http.ContentResponses;
import io.essays.http.FastPathBindable;
import io.essays.http.Problem;
import io.essays.http.ProblemException;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The images of {@code content/assets/}, from the release snapshot (which loaded them from the database, never from
 * this replica's disk). The content hash is part of the URL, so a URL always names the same bytes: responses are
 * cacheable forever ({@code immutable}). SVG is served with a Content-Security-Policy that lets nothing in it run or
 * load, on top of the sanitizing at import; every asset carries {@code nosniff}.
 */
@Path("/api/v1/assets")
@Tag(name = "Assets")
@NonBlocking
public class AssetResource {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final CorpusState state;
    private final ContentResponses responses;

    AssetResource(CorpusState state, ContentResponses responses) {
        this.state = state;
        this.responses = responses;
    }

    @GET
    @FastPathBindable
    @Path("/{hash}/{path: .+}")
    @Produces({"image/svg+xml", "image/png", "image/jpeg", "image/webp", "image/gif"})
    @Operation(operationId = "getAsset", summary = "Get an asset", description = "An image an essay uses, by content hash and path under "
            + "content/assets/, as listed in an essay's 'assets' and used in its HTML. The bytes for a URL never change: "
            + "Cache-Control is 'public, max-age=31536000, immutable'. SVG (sanitized at import) is served with "
            + "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline', and may be gzip-compressed; "
            + "PNG, JPEG, WebP and GIF never are. Every asset has X-Content-Type-Options: nosniff.")
    @APIResponse(responseCode = "200", description = "The image",
            headers = {
                    @Header(name = "Cache-Control", description = "public, max-age=31536000, immutable",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Strong entity tag of the bytes", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Security-Policy", description = "On SVG: default-src 'none'; style-src 'unsafe-inline'",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Content-Type-Options", description = "nosniff", schema = @Schema(type = SchemaType.STRING))},
            content = {
                    @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/gif", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "404", description = "No asset at this path, or the hash is not its content hash",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(
            @Parameter(description = "SHA-256 (hex) of the asset's bytes, as in the essay's 'assets' URLs",
                    example = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", schema = @Schema(type = SchemaType.STRING, pattern = "[0-9a-f]{64}")) @PathParam("hash") String hash,
            @Parameter(description = "Path under content/assets/", example = "softmax/temperature.svg") @PathParam("path") String path,
            @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        CorpusSnapshot.AssetData asset = corpus.asset(path);
        if (asset == null) {
            throw ProblemException.notFound("No asset '" + path + "' in this release");
        }
        if (!asset.hash().equals(hash)) {
            throw ProblemException.notFound("Asset '" + path + "' has other content now: its hash is not '" + hash
                    + "'; the essay's 'assets' list has its current URL");
        }
        ImageType type = ImageType.ofMediaType(asset.mediaType());
        boolean svg = type == ImageType.SVG;
        Map<String, String> extra = svg
                ? Map.of("Cache-Control", IMMUTABLE, "X-Content-Type-Options", "nosniff", "Content-Security-Policy", SVG_POLICY)
                : Map.of("Cache-Control", IMMUTABLE, "X-Content-Type-Options", "nosniff");
        return responses.bytes(corpus, headers, "asset/" + hash, asset.mediaType(), type != null && type.compressible(),
                extra, asset::content);
    }
}
