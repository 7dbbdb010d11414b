package io.essays.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.essays.content.Corpus;
import io.essays.content.CorpusReader;
import io.essays.content.EssaySource;
import io.essays.corpus.CorpusState;
import io.essays.markdown.Formula;
import io.essays.markdown.KatexRenderer;
import io.essays.markdown.MarkdownRenderer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The database formula cache over the fixture corpus, which the application imported at startup. */
@QuarkusTest
class FormulaCacheTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixture");

    @Inject
    ImportService importer;
    @Inject
    FormulaCache cache;
    @Inject
    CorpusState state;
    @Inject
    EntityManager em;

    @Test
    void startupImportRenderedTheFixtureFormulasAndStoredThem() {
        assertThat(cache.engineStarted()).isTrue();
        long stored = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("select count(f) from CachedFormula f", Long.class).getSingleResult());
        assertThat(stored).isGreaterThanOrEqualTo(2);
    }

    @Test
    void importOfAnUnchangedCorpusRendersNothingAndDoesNotEvenLookUpItsFormulas() {
        long rendered = cache.formulasRendered();
        long cached = cache.formulasFromCache();
        var outcome = importer.importFrom(FIXTURE);
        assertThat(outcome.changed()).isFalse();
        assertThat(outcome.releaseId()).isEqualTo(state.current().releaseId());
        assertThat(outcome.essays()).isEqualTo(state.current().essays().size());
        // the files' hash matched the stored release, so no essay was parsed or rendered
        assertThat(cache.formulasRendered()).isEqualTo(rendered);
        assertThat(cache.formulasFromCache()).isEqualTo(cached);
    }

    @Test
    void restartWithUnchangedCorpusStartsNoJavaScriptEngine() {
        // what a freshly started process sees: its own renderer (and engine), the same database
        try (var katex = new KatexRenderer()) {
            var fresh = new FormulaCache(em, katex);
            Corpus corpus = new CorpusReader(new MarkdownRenderer("/essays/{slug}", fresh)).read(FIXTURE);
            assertThat(katex.started()).isFalse();
            assertThat(katex.contextsCreated()).isZero();
            assertThat(fresh.formulasRendered()).isZero();
            EssaySource essay = corpus.essays().stream().filter(e -> e.slug().equals("first-steps")).findFirst()
                    .orElseThrow();
            assertThat(essay.rendered().html()).isEqualTo(state.current().essay("first-steps").html()).contains("<math>");
        }
    }

    @Test
    void keyDependsOnTexDisplayModeAndKatexVersion() {
        String inline = cache.key(new Formula("x", false));
        assertThat(inline).hasSize(64)
                .isNotEqualTo(cache.key(new Formula("x", true)))
                .isNotEqualTo(cache.key(new Formula("y", false)))
                .isEqualTo(cache.key(new Formula("x", false)));
        assertThat(cache.version()).startsWith("katex-0.16.");
    }

    @Test
    void metricsTellWhetherTheEngineStartedAndHowManyFormulasWereRendered() {
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("essays_math_engine_started 1.0"))
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*essays_math_formulas_rendered [1-9][0-9]*\\.0.*"))
                .body(org.hamcrest.Matchers.containsString("essays_math_formulas_cached "));
    }
}
