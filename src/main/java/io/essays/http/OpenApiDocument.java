package io.essays.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes the generated OpenAPI document with what is said once for the whole API (registered as
 * {@code mp.openapi.filter}): tag descriptions, the admin token as a security scheme, {@code security: []} on every
 * public operation, nullable references that really admit null, and the properties every response carries listed as
 * {@code required} (for the schemas {@code fields=} can trim, under {@link #REQUIRED_IN_FULL}), and the problems any
 * operation of a kind can answer, once as shared responses: a 406, a 400 for a query parameter given twice, a 503
 * before any corpus is loaded. The result passes
 * Redocly's recommended rules ({@code openapi/redocly.yaml}, run by {@code .ci/run}).
 */
public class OpenApiDocument implements OASFilter {
    /** The security scheme of {@code POST /api/v1/admin/import}; operations name it in {@code @SecurityRequirement}. */
    public static final String ADMIN_TOKEN = "adminToken";

    /** One description per tag, in the order the tags are listed. */
    static final Map<String, String> TAGS = new java.util.LinkedHashMap<>();

    static {
        TAGS.put("Series", "Series of essays, in order, with their essays in reading order.");
        TAGS.put("Essays", "Essays as JSON (metadata, table of contents, sanitized HTML, links), as an HTML fragment "
                + "and as their Markdown source.");
        TAGS.put("Tags", "Tags and how many essays carry each.");
        TAGS.put("Links", "Cross-links between essays: links and backlinks with context, the link graph, related "
                + "essays, link previews and unlinked mentions, all computed at import.");
        TAGS.put("Assets", "Figures and images the essays use, by content hash: immutable, cacheable for a year.");
        TAGS.put("Search", "Full-text search with highlighted, section-level results, and search-as-you-type.");
        TAGS.put("Sync", "For offline apps: initial and delta sync of series, essays and assets with deletion "
                + "tombstones and signed tokens, and the whole release as one resumable ZIP bundle.");
        TAGS.put("Embeds", "Embedding essays on other sites: standalone embed pages of an essay or a section (strict "
                + "CSP, light and dark), the host script /embed.js that sizes their iframes, oEmbed 1.0, and the metadata "
                + "of an essay page's <head> (canonical URL, Open Graph, Twitter card, oEmbed discovery, JSON-LD).");
        TAGS.put("Feeds", "Syndication: Atom 1.0 and JSON Feed 1.1 with the full essays, and the sitemap; every URL "
                + "in them absolute.");
        TAGS.put("Releases", "Releases: each import that changed the content, with its hash and what changed.");
        TAGS.put("Admin", "Operations on the service; they need the admin token.");
    }

    /**
     * The schemas a client can ask to trim with {@code fields=} (a sparse fieldset): any of their properties may be
     * left out, so none is required. What an untrimmed one always carries is listed under {@link #REQUIRED_IN_FULL}.
     */
    static final Set<String> SPARSE = Set.of("EssaySummary", "EssayDetail");

    /**
     * The extension on a {@link #SPARSE} schema that lists the properties present whenever the request asked for no
     * {@code fields} (every one but the nullable): the TypeScript client types its untrimmed answers from it.
     */
    public static final String REQUIRED_IN_FULL = "x-required-without-fields";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var tags = new ArrayList<Tag>();
        TAGS.forEach((name, description) -> tags.add(OASFactory.createTag().name(name).description(description)));
        if (openAPI.getTags() != null) {
            openAPI.getTags().stream().filter(t -> !TAGS.containsKey(t.getName())).forEach(tags::add);
        }
        openAPI.setTags(tags);
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(ADMIN_TOKEN, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("The value of essays.admin-token (ESSAYS_ADMIN_TOKEN), sent as "
                        + "'Authorization: Bearer <token>'"));
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().forEach(OpenApiDocument::requireWhatIsAlwaysThere);
        }
        openAPI.getComponents().addResponse(NOT_ACCEPTABLE,
                problem("The Accept header admits none of the media types this operation answers with"));
        openAPI.getComponents().addResponse(REPEATED_PARAMETER, problem(
                "A query parameter is given more than once: each takes one value (a list is comma-separated within it)"));
        openAPI.getComponents().addResponse(PRECONDITION_FAILED, problem("If-Match names none of the resource's entity "
                + "tags, or If-Unmodified-Since is before its last modification (RFC 9110 §13.1.1, §13.1.4): it has "
                + "changed since the client's copy. Carries the current ETag."));
        openAPI.getComponents().addResponse(DATABASE_UNAVAILABLE, problem("The database does not answer and this "
                + "operation needs it (Retry-After says when to try again; the essays themselves are still served), "
                + "or, for an operation that serves the corpus, no corpus has been loaded yet"));
        openAPI.getComponents().addResponse(NO_CORPUS, problem(
                "No corpus has been imported yet (the service is not ready); the service log names the content problems"));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                publicUnlessSecured(operation);
                notAcceptableUnlessSaid(operation);
                repeatedParameterUnlessSaid(operation);
                databaseUnavailableUnlessSaid(operation);
                noCorpusUnlessSaid(operation);
                preconditionFailedWhereConditional(operation);
            }));
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
    }

    /** The shared 400 of a query parameter given twice ({@link RepeatedQueryParameters}). */
    static final String REPEATED_PARAMETER = "RepeatedParameter";
    /** The shared 503 of a content operation before any corpus is loaded ({@code CorpusState.current}). */
    static final String NO_CORPUS = "NoCorpus";
    /** The tags of the operations that answer from the database or the service, not from the loaded corpus. */
    private static final Set<String> WITHOUT_CORPUS = Set.of("Releases", "Admin");

    /**
     * Every operation that takes a query parameter refuses it given twice with a 400 problem; operations that describe
     * their own 400 (a bad value of one) keep it, since the problem's type and its detail say which it is.
     */
    private static void repeatedParameterUnlessSaid(Operation operation) {
        var responses = operation.getResponses();
        if (responses == null || responses.hasAPIResponse("400") || operation.getParameters() == null
                || operation.getParameters().stream().noneMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            return;
        }
        responses.addAPIResponse("400", OASFactory.createAPIResponse().ref(REPEATED_PARAMETER));
    }

    /** The shared 503 of an operation that reads the database while it does not answer ({@code ProblemMappers}). */
    static final String DATABASE_UNAVAILABLE = "DatabaseUnavailable";
    /** The tags of the operations that read the database on a request (the others answer from memory). */
    private static final Set<String> WITH_DATABASE = Set.of("Releases", "Admin", "Sync");

    private static void databaseUnavailableUnlessSaid(Operation operation) {
        unavailableUnlessSaid(operation, DATABASE_UNAVAILABLE, tags -> tags.stream().anyMatch(WITH_DATABASE::contains));
    }

    /** Every operation that answers from the loaded corpus is a 503 problem while there is none. */
    private static void noCorpusUnlessSaid(Operation operation) {
        unavailableUnlessSaid(operation, NO_CORPUS, tags -> tags.stream().noneMatch(WITHOUT_CORPUS::contains));
    }

    /** Adds the shared 503 {@code ref} to a tagged operation whose tags {@code applies} to, unless it says its own. */
    private static void unavailableUnlessSaid(Operation operation, String ref,
                                              java.util.function.Predicate<List<String>> applies) {
        var responses = operation.getResponses();
        if (responses != null && !responses.hasAPIResponse("503") && operation.getTags() != null
                && applies.test(operation.getTags())) {
            responses.addAPIResponse("503", OASFactory.createAPIResponse().ref(ref));
        }
    }

    /** The shared 412 of a failed If-Match or If-Unmodified-Since ({@link Conditional}). */
    static final String PRECONDITION_FAILED = "PreconditionFailed";

    /** Every operation that answers conditional requests (it documents a 304) also evaluates their preconditions. */
    private static void preconditionFailedWhereConditional(Operation operation) {
        var responses = operation.getResponses();
        if (responses != null && responses.hasAPIResponse("304") && !responses.hasAPIResponse("412")) {
            responses.addAPIResponse("412", OASFactory.createAPIResponse().ref(PRECONDITION_FAILED));
        }
    }

    /** The shared response of a 406, which every operation that answers with a body can give. */
    static final String NOT_ACCEPTABLE = "NotAcceptable";

    /**
     * Every operation that answers with a body refuses an {@code Accept} that admits none of its media types with a
     * 406 problem ({@link ContentResponses}, {@link FastPath}, JAX-RS); operations that describe their own 406 keep it.
     */
    private static void notAcceptableUnlessSaid(Operation operation) {
        var responses = operation.getResponses();
        if (responses == null || responses.getAPIResponses() == null || responses.hasAPIResponse("406")) {
            return;
        }
        boolean answersWithABody = responses.getAPIResponses().entrySet().stream()
                .anyMatch(r -> r.getKey().startsWith("2") && r.getValue().getContent() != null
                        && r.getValue().getContent().getMediaTypes() != null
                        && !r.getValue().getContent().getMediaTypes().isEmpty());
        if (answersWithABody) {
            responses.addAPIResponse("406", OASFactory.createAPIResponse().ref(NOT_ACCEPTABLE));
        }
    }

    /**
     * Every property of a response schema is in every response, but for those declared nullable, those of a
     * {@link #SPARSE} schema, and those a record serialized without its nulls leaves out: such a record lists what it
     * always carries itself ({@code @Schema(requiredProperties = ...)}), and that list stands. Listing them as
     * {@code required} lets a generated client type {@code slug: string} rather than {@code slug?: string}.
     * {@code ResponseContractTest} holds real responses of every operation to it.
     */
    private static void requireWhatIsAlwaysThere(String name, Schema schema) {
        if (schema.getRequired() != null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        List<String> required = schema.getProperties().entrySet().stream()
                .filter(property -> !nullable(property.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (required.isEmpty()) {
            return;
        }
        if (SPARSE.contains(name)) {
            schema.addExtension(REQUIRED_IN_FULL, new ArrayList<>(required));
        } else {
            schema.setRequired(new ArrayList<>(required));
        }
    }

    private static boolean nullable(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL)) {
            return true;
        }
        for (List<Schema> options : Arrays.asList(schema.getAnyOf(), schema.getOneOf())) {
            if (options != null && options.stream().anyMatch(OpenApiDocument::nullable)) {
                return true;
            }
        }
        return false;
    }

    /** An operation without a security requirement is public, and says so. */
    private static void publicUnlessSecured(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
    }

    /**
     * A nullable reference is generated with a type beside {@code anyOf: [$ref, {type: "null"}]}: {@code object}, which
     * would forbid the null that anyOf allows, or {@code [string, "null"]} for a date-time, which only repeats what the
     * reference says and makes generated types repeat it too. Either way the type goes.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        List<Schema> anyOf = schema.getAnyOf();
        if (anyOf != null && schema.getType() != null
                && anyOf.stream().anyMatch(s -> s.getType() != null && s.getType().equals(List.of(Schema.SchemaType.NULL)))
                && anyOf.stream().anyMatch(s -> s.getRef() != null)) {
            schema.setType(null);
        }
        return schema;
    }
}
