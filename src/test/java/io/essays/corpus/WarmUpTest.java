package io.essays.corpus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.essays.http.FastPath;
import io.essays.support.FixtureGraphProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The start-up warm-up: the service requests its own hot URIs before it reports ready, then reports ready. */
@QuarkusTest
@TestProfile(FixtureGraphProfile.class) // the one test profile that warms up, as production does
class WarmUpTest {
    @Inject
    WarmUp warmUp;
    @Inject
    FastPath fastPath;
    @Inject
    CorpusState state;

    @Test
    void theServiceWarmsItsOwnHotPathThenReportsReady() throws InterruptedException {
        for (int i = 0; i < 200 && !warmUp.done(); i++) {
            Thread.sleep(50);
        }
        assertThat(warmUp.done()).isTrue();
        // lists, series, tags and every fixture essay's detail and HTML at least once; gzip and 304 as time allows
        int uris = 3 + 2 * Math.min(WarmUp.ESSAYS, state.current().essays().size());
        assertThat(warmUp.requests()).isGreaterThanOrEqualTo(uris);
        assertThat(warmUp.failures()).isZero();
        // the warm-up built the hot representations: a client's first request is answered from memory by the fast path
        long served = fastPath.served();
        given().get("/api/v1/essays").then().statusCode(200);
        assertThat(fastPath.served()).isEqualTo(served + 1);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'corpus' }.status", equalTo("UP"));
    }
}
