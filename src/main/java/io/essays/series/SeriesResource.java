package io.essays.series;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.essay.EssayService;
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

/** Series in order, and one series with its essays. */
@Path("/api/v1/series")
@Tag(name = "Series")
@NonBlocking
public class SeriesResource {
    private final CorpusState state;
    private final ContentResponses responses;
    private final EssayService essays;

    SeriesResource(CorpusState state, ContentResponses responses, EssayService essays) {
        this.state = state;
        this.responses = responses;
        this.essays = essays;
    }

    @GET
    @FastPathBindable
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "listSeries", summary = "List series", description = "Every series in order, with its essay count.")
    @APIResponse(responseCode = "200", description = "Series in order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SeriesSummary.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    public Response list(@Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        return responses.json(corpus, headers, "series", () -> corpus.series().stream().map(SeriesResource::summary).toList());
    }

    @GET
    @FastPathBindable
    @Path("/{slug}")
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "getSeries", summary = "Get a series", description = "One series with its essays' summaries in reading order.")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(schema = @Schema(implementation = SeriesDetail.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "404", description = "No series with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Series slug: the file name without .yaml", example = "foundations") @PathParam("slug") String slug, @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        CorpusSnapshot.SeriesData series = corpus.series(slug);
        if (series == null) {
            throw ProblemException.notFound("No series with slug '" + slug + "'");
        }
        return responses.json(corpus, headers, "series/" + slug, () -> detail(corpus, series));
    }

    static SeriesSummary summary(CorpusSnapshot.SeriesData s) {
        return new SeriesSummary(s.slug(), s.title(), s.description(), s.order(), s.essays().size());
    }

    private SeriesDetail detail(CorpusSnapshot corpus, CorpusSnapshot.SeriesData s) {
        List<io.essays.essay.EssaySummary> items = essays.list(corpus,
                new EssayService.ListQuery(s.slug(), null, "reading-order", 1, Math.max(1, s.essays().size()))).items();
        return new SeriesDetail(s.slug(), s.title(), s.description(), s.order(), s.essays().size(), items);
    }
}
