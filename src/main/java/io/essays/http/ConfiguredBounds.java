package io.essays.http;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.essays.EssaysConfig.Paging;
import io.essays.EssaysConfig.Sync;
import io.essays.PageSizes;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The page-size bounds the served spec states are the deployment's, not only the defaults the annotations were
 * built with: a deployment that sets {@code essays.paging.max-size=50} refuses {@code size=80}, so its
 * {@code /q/openapi} says {@code maximum: 50} (and the default and description to match). A parameter is known by the
 * description it was annotated with ({@link Paging#SIZE_DESCRIPTION}, {@link Sync#LIMIT_DESCRIPTION}), so every
 * operation that pages by these settings is covered without a list of paths. Runs once at start-up; with the default
 * configuration it changes nothing, so the committed spec stays the build's.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ConfiguredBounds implements OASFilter {

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY || parameter.getSchema() == null) {
            return parameter;
        }
        if (Paging.SIZE_DESCRIPTION.equals(parameter.getDescription())) {
            configure(parameter, PageSizes.paging());
        } else if (Sync.LIMIT_DESCRIPTION.equals(parameter.getDescription())) {
            configure(parameter, PageSizes.sync());
        }
        return parameter;
    }

    private static void configure(Parameter parameter, PageSizes.Bounds bounds) {
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
