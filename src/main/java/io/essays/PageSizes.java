package io.essays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

/**
 * Refuses to start with page sizes no request could use: each default must be from 1 to its maximum. A default above
 * the maximum would be stated so in the spec and written into every {@code next} link, which the service then refuses
 * with a 400; a default of 0 would page nothing.
 */
@Startup
@ApplicationScoped
public class PageSizes {

    @Inject
    PageSizes(EssaysConfig config) {
        check("essays.paging.default-size", config.paging().defaultSize(), "essays.paging.max-size",
                config.paging().maxSize());
        check("essays.sync.default-limit", config.sync().defaultLimit(), "essays.sync.max-limit",
                config.sync().maxLimit());
    }

    /** Throws, naming both settings, unless {@code 1 <= defaultValue <= max}. */
    static void check(String defaultKey, int defaultValue, String maxKey, int max) {
        if (defaultValue < 1 || defaultValue > max) {
            throw new IllegalStateException(defaultKey + " must be from 1 to " + maxKey + " (" + max + "), got "
                    + defaultValue);
        }
    }
}
