package io.essays;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Settings that have a type but also a range: the service refuses to start, naming every wrong one with its environment
 * variable, rather than serve {@code max-age=-60} or find out at the first release that a webhook URL is not one. The
 * page sizes ({@link PageSizes}), the public URLs ({@link PublicUrls}) and the sync secret are checked where they are
 * used, at startup too; all of them before the startup import ({@code importer/ImportJobs} observes startup later).
 */
@Startup
@ApplicationScoped
public class SettingsCheck {
    /** Fewest characters of a key: the admin token, the webhook secret and the sync secret ({@code SyncTokens}). */
    public static final int MIN_TOKEN_LENGTH = 16;

    SettingsCheck(EssaysConfig config) {
        List<String> wrong = problems(config);
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("Invalid settings: " + String.join("; ", wrong));
        }
    }

    /** What is wrong with {@code config}, one sentence per setting; empty when nothing is. */
    static List<String> problems(EssaysConfig config) {
        var wrong = new ArrayList<String>();
        String template = config.essayUrlTemplate();
        int at = template.indexOf("{slug}");
        if (at < 0 || template.indexOf("{slug}", at + 1) >= 0 || template.chars().anyMatch(Character::isWhitespace)) {
            wrong.add("essays.essay-url-template (env ESSAYS_URL_TEMPLATE) must contain {slug} once and no whitespace, got '"
                    + template + "'");
        }
        // the admin endpoints start imports and show the server's paths; receivers trust a delivery by its signature:
        // neither may rest on a guessable key
        longEnough(wrong, "essays.admin-token", "ESSAYS_ADMIN_TOKEN", config.adminToken().orElse(""));
        longEnough(wrong, "essays.webhooks.secret", "ESSAYS_WEBHOOK_SECRET", config.webhooks().secret().orElse(""));
        notNegative(wrong, "essays.http.max-age", null, config.http().maxAge());
        notNegative(wrong, "essays.http.stale-while-revalidate", null, config.http().staleWhileRevalidate());
        notNegative(wrong, "essays.embed.cache-age", null, config.embed().cacheAge());
        atLeastOne(wrong, "essays.embed.width", null, config.embed().width());
        atLeastOne(wrong, "essays.embed.height", null, config.embed().height());
        atLeastOne(wrong, "essays.embed.feed-entries", "ESSAYS_FEED_ENTRIES", config.embed().feedEntries());
        atLeastOne(wrong, "essays.sync.retained-releases", null, config.sync().retainedReleases());
        EssaysConfig.Webhooks webhooks = config.webhooks();
        atLeastOne(wrong, "essays.webhooks.max-attempts", "ESSAYS_WEBHOOK_MAX_ATTEMPTS", webhooks.maxAttempts());
        notNegative(wrong, "essays.webhooks.backoff", "ESSAYS_WEBHOOK_BACKOFF", webhooks.backoff());
        if (webhooks.timeout().isNegative() || webhooks.timeout().isZero()) {
            wrong.add("essays.webhooks.timeout (env ESSAYS_WEBHOOK_TIMEOUT) must be positive, got " + webhooks.timeout());
        }
        for (String target : webhooks.targets().orElse(List.of())) {
            if (!target.isBlank() && !PublicUrls.isAbsoluteHttp(target.trim())) {
                wrong.add("essays.webhooks.targets (env ESSAYS_WEBHOOK_TARGETS) must be absolute http(s) URLs, got '"
                        + target.trim() + "'");
            }
        }
        return wrong;
    }

    private static void longEnough(List<String> wrong, String key, String env, String secret) {
        if (!secret.isBlank() && secret.length() < MIN_TOKEN_LENGTH) {
            wrong.add(key + " (env " + env + ") must have at least " + MIN_TOKEN_LENGTH
                    + " characters (e.g. openssl rand -hex 32), got " + secret.length());
        }
    }

    private static void notNegative(List<String> wrong, String key, String env, Duration value) {
        if (value.isNegative()) {
            wrong.add(key + (env == null ? "" : " (env " + env + ")") + " must not be negative, got " + value);
        }
    }

    private static void atLeastOne(List<String> wrong, String key, String env, int value) {
        if (value < 1) {
            wrong.add(key + (env == null ? "" : " (env " + env + ")") + " must be at least 1, got " + value);
        }
    }
}
