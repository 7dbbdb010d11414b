package io.essays.http;

import java.math.BigDecimal;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.essays.EssaysConfig;
import io.essays.EssaysConfig.Paging;
import io.essays.EssaysConfig.Sync;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The page-size bounds the served spec states are the deployment's, not only the defaults the annotations were
 * built with: a deployment that sets {@code essays.paging.max-size=50} refuses {@code size=80}, so its
 * {@code /q/openapi} says {@code maximum: 50} (and the default and description to match). Runs once at start-up; with
 * the default configuration it changes nothing, so the committed spec stays the build's. It reads the settings as plain
 * properties, not through {@link EssaysConfig}: Quarkus also runs runtime filters once during the build, where the
 * mapping does not exist yet (the defaults then apply).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ConfiguredBounds implements OASFilter {
    private record Bounds(String parameter, int defaultValue, int max, String description) {
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var paging = bounds("size", Paging.SIZE, "essays.paging.default-size", Paging.DEFAULT_SIZE,
                "essays.paging.max-size", Paging.MAX_SIZE);
        var sync = bounds("limit", Sync.LIMIT, "essays.sync.default-limit", Sync.DEFAULT_LIMIT,
                "essays.sync.max-limit", Sync.MAX_LIMIT);
        var bounds = Map.of(
                "/api/v1/essays", paging,
                "/api/v1/search", paging,
                "/api/v1/sync", sync);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        bounds.forEach((path, b) -> {
            var item = openAPI.getPaths().getPathItem(path);
            Operation get = item == null ? null : item.getGET();
            if (get == null || get.getParameters() == null) {
                return;
            }
            get.getParameters().stream()
                    .filter(p -> p.getIn() == Parameter.In.QUERY && b.parameter().equals(p.getName()))
                    .filter(p -> p.getSchema() != null)
                    .forEach(p -> configure(p, b));
        });
    }

    private static Bounds bounds(String parameter, String what, String defaultKey, String defaultValue, String maxKey,
            String maxValue) {
        Config config = ConfigProvider.getConfig();
        int def = config.getOptionalValue(defaultKey, Integer.class).orElse(Integer.parseInt(defaultValue));
        int max = config.getOptionalValue(maxKey, Integer.class).orElse(Integer.parseInt(maxValue));
        return new Bounds(parameter, def, max, EssaysConfig.bounds(what, max, def));
    }

    private static void configure(Parameter parameter, Bounds bounds) {
        var schema = parameter.getSchema();
        BigDecimal max = BigDecimal.valueOf(bounds.max());
        if (schema.getMaximum() != null && schema.getMaximum().compareTo(max) == 0
                && String.valueOf(schema.getDefaultValue()).equals(Integer.toString(bounds.defaultValue()))) {
            return; // as built: leave every byte as the annotations made it
        }
        schema.setMaximum(max);
        schema.setDefaultValue(bounds.defaultValue());
        parameter.setExample(bounds.defaultValue());
        parameter.setDescription(bounds.description());
    }
}
