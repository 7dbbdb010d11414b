package io.essays;

import org.eclipse.microprofile.config.ConfigProvider;

import io.essays.EssaysConfig.Paging;
import io.essays.EssaysConfig.Sync;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The two configured page sizes, said once: the list and search {@code size} ({@code essays.paging.*}) and the sync
 * {@code limit} ({@code essays.sync.*-limit}). The service refuses to start unless each default is from 1 to its
 * maximum: a default above the maximum would be stated so in the spec and written into every {@code next} link, which
 * the service then refuses with a 400; a default of 0 would page nothing. The served spec states them
 * ({@code http/ConfiguredBounds}).
 */
@Startup
@ApplicationScoped
public class PageSizes {

    /** One page-size parameter: the noun its description starts with, and its two settings as configured. */
    public record Bounds(String what, String defaultKey, int defaultValue, String maxKey, int max) {
        /** The parameter's description for these bounds ({@link EssaysConfig#bounds}). */
        public String description() {
            return EssaysConfig.bounds(what, max, defaultValue);
        }
    }

    PageSizes() {
        for (Bounds b : new Bounds[] {paging(), sync()}) {
            check(b.defaultKey(), b.defaultValue(), b.maxKey(), b.max());
        }
    }

    /** {@code size} of {@code /essays} and {@code /search}. */
    public static Bounds paging() {
        return configured(Paging.SIZE, "essays.paging.default-size", Paging.DEFAULT_SIZE, "essays.paging.max-size",
                Paging.MAX_SIZE);
    }

    /** {@code limit} of {@code /sync}. */
    public static Bounds sync() {
        return configured(Sync.LIMIT, "essays.sync.default-limit", Sync.DEFAULT_LIMIT, "essays.sync.max-limit",
                Sync.MAX_LIMIT);
    }

    /**
     * Read as plain properties rather than through {@link EssaysConfig}, with the mapping's defaults: Quarkus also runs
     * the spec's runtime filters once during the build, where the mapping does not exist.
     */
    private static Bounds configured(String what, String defaultKey, String defaultValue, String maxKey,
            String maxValue) {
        var config = ConfigProvider.getConfig();
        return new Bounds(what, defaultKey,
                config.getOptionalValue(defaultKey, Integer.class).orElse(Integer.parseInt(defaultValue)),
                maxKey, config.getOptionalValue(maxKey, Integer.class).orElse(Integer.parseInt(maxValue)));
    }

    /** Throws, naming both settings, unless {@code 1 <= defaultValue <= max}. */
    static void check(String defaultKey, int defaultValue, String maxKey, int max) {
        if (defaultValue < 1 || defaultValue > max) {
            throw new IllegalStateException(defaultKey + " must be from 1 to " + maxKey + " (" + max + "), got "
                    + defaultValue);
        }
    }
}
