package io.essays.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.essays.http.AllowedMethods.Route;

/**
 * The matching of request paths to resource templates. That the routes are read right from the resources themselves
 * is checked against the running service, path by path of the spec ({@code OpenApiSpecTest}); resource classes
 * declared here would become part of the service under test.
 */
class AllowedMethodsTest {
    private final AllowedMethods allowed = new AllowedMethods(List.of(
            new Route(AllowedMethods.join("/api/v1/things", ""), "GET"),
            new Route(AllowedMethods.join("/api/v1/things/", "{slug}"), "GET"),
            new Route(AllowedMethods.join("/api/v1/things", "/{slug}/"), "HEAD"),
            new Route(AllowedMethods.join("/api/v1/things", "/{hash}/{path: .+}"), "GET"),
            new Route(AllowedMethods.join("admin/", "import"), "POST"),
            new Route(AllowedMethods.join("/admin", "/jobs/{id}"), "DELETE"),
            new Route(AllowedMethods.join("/feeds", "/atom.xml"), "GET")));

    @Test
    void aGetPathAnswersGetHeadAndOptionsInThatOrder() {
        assertThat(allowed.of("/api/v1/things")).containsExactly("GET", "HEAD", "OPTIONS");
        assertThat(allowed.of("/api/v1/things/")).containsExactly("GET", "HEAD", "OPTIONS");
        assertThat(allowed.of("/api/v1/things/softmax")).containsExactly("GET", "HEAD", "OPTIONS");
    }

    @Test
    void aPostOnlyPathAnswersPostAndOptions() {
        assertThat(allowed.of("/admin/import")).containsExactly("POST", "OPTIONS");
    }

    @Test
    void aTemplateParameterIsOneSegmentUnlessItsRegexSaysOtherwise() {
        assertThat(allowed.of("/admin/jobs/7")).containsExactly("DELETE", "OPTIONS");
        assertThat(allowed.of("/admin/jobs/7/more")).isEmpty();
        assertThat(allowed.of("/api/v1/things/a/b/c.svg")).containsExactly("GET", "HEAD", "OPTIONS");
        assertThat(allowed.of("/api/v1/thingsx")).isEmpty();
    }

    @Test
    void anEncodedSlashIsNoSegmentBoundary() {
        assertThat(allowed.of("/admin%2Fimport")).isEmpty();
        assertThat(allowed.of("/admin/jobs/a%2Fb")).containsExactly("DELETE", "OPTIONS");
    }

    @Test
    void aPathNoResourceHasAnswersNothing() {
        assertThat(allowed.of("/api/v1/nothing")).isEmpty();
        assertThat(allowed.of("/admin")).isEmpty();
        assertThat(allowed.of("/admin/import/now")).isEmpty();
    }

    @Test
    void literalPartsOfATemplateAreNotRegexes() {
        assertThat(allowed.of("/feeds/atom.xml")).containsExactly("GET", "HEAD", "OPTIONS");
        assertThat(allowed.of("/feeds/atomXxml")).isEmpty();
    }

    @Test
    void classAndMethodPathsJoinWithOneSlash() {
        assertThat(AllowedMethods.join("/api/v1/things/", "/{slug}/")).isEqualTo("/api/v1/things/{slug}");
        assertThat(AllowedMethods.join("admin", "import")).isEqualTo("/admin/import");
        assertThat(AllowedMethods.join("/feeds", "")).isEqualTo("/feeds");
        assertThat(AllowedMethods.join("/", "")).isEqualTo("/");
    }
}
