package io.essays.sync;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.EssaysConfig;
import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.http.ByteRanges;
import io.essays.http.Conditional;
import io.essays.http.ContentResponses;
import io.essays.http.Problem;
import io.essays.http.ProblemException;
import io.essays.http.Representation;
import io.netty.buffer.Unpooled;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The offline bundle: the current release as one ZIP, built once per release, with a strong ETag and single-range
 * requests (RFC 9110 §14) so that a download over a flaky network resumes where it stopped. Never bound to the fast
 * path, which knows nothing of ranges. Runs on a worker thread: the first request of a release builds the bundle.
 */
@Path("/api/v1/bundle")
@Tag(name = "Sync")
@Blocking
public class BundleResource {
    private final CorpusState state;
    private final Bundles bundles;
    private final String cacheControl;

    BundleResource(CorpusState state, Bundles bundles, EssaysConfig config) {
        this.state = state;
        this.bundles = bundles;
        this.cacheControl = ContentResponses.cacheControl(config);
    }

    @GET
    @Produces(Bundle.MEDIA_TYPE)
    @Operation(operationId = "getBundle", summary = "Download the offline bundle",
            description = "The release being served as one ZIP: manifest.json (release, a sync token for it, counts, "
                    + "every file with its SHA-256, every asset's sync record), series/{slug}.json, assets/{path} and "
                    + "essays/{slug}.json (as GET /essays/{slug} serves it). Unpack it, then continue with GET /sync?token= and the manifest's "
                    + "syncToken. Supports single byte ranges (Range, If-Range with the ETag) to resume a download.")
    @Parameter(name = "Range", in = ParameterIn.HEADER, description = "One byte range: bytes=first-last, bytes=first- "
            + "or bytes=-suffixLength; several ranges are answered with the whole body", example = "bytes=1048576-",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "If-Range", in = ParameterIn.HEADER, description = "The ETag (or Last-Modified) of the partial "
            + "download: the range is sent only if the bundle is still that one, the whole bundle otherwise",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The whole bundle",
            headers = {@Header(name = "ETag", description = "Strong entity tag of the ZIP", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Accept-Ranges", description = "bytes", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = Bundle.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The requested range",
            headers = @Header(name = "Content-Range", description = "bytes first-last/size", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Bundle.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "406", description = "The Accept header admits no application/zip",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "416", description = "The range selects no byte: it starts at or past the end, or asks "
            + "for the last 0 bytes; Content-Range: bytes */size",
            headers = @Header(name = "Content-Range", description = "bytes */size", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        Representation zip = bundles.bundle(corpus).representation();
        Response.ResponseBuilder notModified = notModified(corpus, zip, headers);
        if (notModified != null) {
            return notModified.build();
        }
        byte[] body = zip.body();
        ByteRanges.Selection selection = ByteRanges.select(headers.getHeaderString("Range"),
                headers.getHeaderString("If-Range"), body.length, zip.etag(), corpus.lastModified());
        if (selection instanceof ByteRanges.Unsatisfiable none) {
            throw new ProblemException(416, "range-not-satisfiable", "Range Not Satisfiable", "The bundle has "
                    + body.length + " bytes; the range '" + headers.getHeaderString("Range") + "' selects none of them "
                    + "(it starts at or past the end, or asks for the last 0 bytes)",
                    Map.of("Content-Range", none.contentRange()));
        }
        if (selection instanceof ByteRanges.Part part) {
            return common(Response.status(206), corpus, zip)
                    .header("Content-Range", part.contentRange())
                    .entity(Buffer.buffer(Unpooled.wrappedBuffer(body, (int) part.first(), (int) part.length())))
                    .type(Bundle.MEDIA_TYPE)
                    .build();
        }
        return common(Response.ok(), corpus, zip)
                .entity(Buffer.buffer(Unpooled.wrappedBuffer(body)))
                .type(Bundle.MEDIA_TYPE)
                .build();
    }

    @HEAD
    @Produces(Bundle.MEDIA_TYPE)
    @Operation(operationId = "headBundle", summary = "Size and ETag of the offline bundle",
            description = "The headers of GET /bundle without the body: Content-Length is the bundle's size.")
    @APIResponse(responseCode = "200", description = "Headers only",
            headers = {@Header(name = "Content-Length", description = "Size of the bundle in bytes", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "ETag", description = "Strong entity tag of the ZIP", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Accept-Ranges", description = "bytes", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "406", description = "The Accept header admits no application/zip",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response head(@Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        Representation zip = bundles.bundle(corpus).representation();
        Response.ResponseBuilder notModified = notModified(corpus, zip, headers);
        if (notModified != null) {
            return notModified.build();
        }
        return common(Response.ok(), corpus, zip)
                .header("Content-Length", Integer.toString(zip.body().length))
                .type(Bundle.MEDIA_TYPE)
                .build();
    }

    private Response.ResponseBuilder notModified(CorpusSnapshot corpus, Representation zip, HttpHeaders headers) {
        Conditional.Decision decision = Conditional.decide(zip, corpus.importedAt(), Conditional.Validators.of(headers),
                List.of());
        if (decision.preconditionFailed()) {
            // a download resumed with If-Match (Android's DownloadManager) after a new release: never splice two ZIPs
            throw decision.failure();
        }
        return decision.notModified() ? common(Response.notModified(), corpus, zip) : null;
    }

    private Response.ResponseBuilder common(Response.ResponseBuilder builder, CorpusSnapshot corpus, Representation zip) {
        return builder.header(HttpHeaders.ETAG, zip.etag())
                .header(HttpHeaders.LAST_MODIFIED, corpus.lastModified())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", "attachment; filename=\"essays-" + corpus.releaseId() + ".zip\"");
    }
}
