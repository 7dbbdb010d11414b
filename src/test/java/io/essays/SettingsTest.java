package io.essays;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * {@code application.properties} read as the service reads it (SmallRye's expressions, the environment above the
 * file), and the settings the service refuses at startup ({@link SettingsCheck}).
 */
class SettingsTest {

    private static SmallRyeConfig config(Map<String, String> environment) throws IOException {
        URL file = SettingsTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(file, 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withMapping(EssaysConfig.class)
                .build();
    }

    @Test
    void templatesFromTheEnvironmentAreUsedAsGiven() throws IOException {
        EssaysConfig essays = config(Map.of("ESSAYS_URL_TEMPLATE", "/posts/{slug}",
                "ESSAYS_PAGE_URL_TEMPLATE", "https://blog.example.com/p/{slug}.html")).getConfigMapping(EssaysConfig.class);

        assertThat(essays.essayUrlTemplate()).isEqualTo("/posts/{slug}");
        assertThat(essays.pageUrlTemplate()).isEqualTo("https://blog.example.com/p/{slug}.html");
    }

    @Test
    void templatesDefaultToTheDocumentedValues() throws IOException {
        EssaysConfig essays = config(Map.of()).getConfigMapping(EssaysConfig.class);

        assertThat(essays.essayUrlTemplate()).isEqualTo("/essays/{slug}");
        assertThat(essays.pageUrlTemplate()).isEqualTo("https://essays.example.org/essays/{slug}");
        assertThat(SettingsCheck.problems(essays)).isEmpty();
    }

    @Test
    void noDefaultOfAnExpressionHoldsABrace() throws IOException {
        // ${VAR:a{b}c} ends at the first '}': the variable's value would get a stray "c}" appended
        String text;
        try (InputStream in = SettingsTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("\\$\\{[A-Za-z0-9_.-]+:([^$}]*)}").matcher(text);
        int expressions = 0;
        while (m.find()) {
            expressions++;
            assertThat(m.group(1)).as(m.group()).doesNotContain("{");
        }
        assertThat(expressions).isGreaterThan(10);
    }

    @Test
    void everyWrongSettingIsNamedWithItsVariable() throws IOException {
        EssaysConfig essays = config(Map.of(
                "ESSAYS_URL_TEMPLATE", "/posts",
                "ESSAYS_ADMIN_TOKEN", "change-me",
                "ESSAYS_WEBHOOK_SECRET", "change-me",
                "essays.http.max-age", "-60s",
                "essays.embed.cache-age", "-1d",
                "essays.sync.retained-releases", "0",
                "ESSAYS_WEBHOOK_MAX_ATTEMPTS", "0",
                "ESSAYS_WEBHOOK_TARGETS", "https://hooks.example.com/a,not a url,ftp://x.example.com/y"))
                .getConfigMapping(EssaysConfig.class);

        assertThat(SettingsCheck.problems(essays)).containsExactly(
                "essays.essay-url-template (env ESSAYS_URL_TEMPLATE) must contain {slug} once and no whitespace, got '/posts'",
                "essays.admin-token (env ESSAYS_ADMIN_TOKEN) must have at least 16 characters (e.g. openssl rand -hex 32), got 9",
                "essays.webhooks.secret (env ESSAYS_WEBHOOK_SECRET) must have at least 16 characters (e.g. openssl rand -hex 32), got 9",
                "essays.http.max-age must not be negative, got PT-1M",
                "essays.embed.cache-age must not be negative, got PT-24H",
                "essays.sync.retained-releases must be at least 1, got 0",
                "essays.webhooks.max-attempts (env ESSAYS_WEBHOOK_MAX_ATTEMPTS) must be at least 1, got 0",
                "essays.webhooks.targets (env ESSAYS_WEBHOOK_TARGETS) must be absolute http(s) URLs, got 'not a url'",
                "essays.webhooks.targets (env ESSAYS_WEBHOOK_TARGETS) must be absolute http(s) URLs, got 'ftp://x.example.com/y'");
    }

    @Test
    void aTemplateWithSlugTwiceIsRefused() throws IOException {
        EssaysConfig essays = config(Map.of("ESSAYS_URL_TEMPLATE", "/{slug}/{slug}")).getConfigMapping(EssaysConfig.class);

        assertThat(SettingsCheck.problems(essays)).singleElement().asString().contains("must contain {slug} once");
    }
}
