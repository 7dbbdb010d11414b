package io.essays.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The per-release response cache: canonical keys computed once, a byte budget, bindings that never pin bodies. */
class ResponseCacheTest {
    static final Instant RELEASED = Instant.parse("2026-11-30T12:34:56.789Z");

    private static Representation body(int bytes, char fill) {
        return Representation.of(String.valueOf(fill).repeat(bytes).getBytes(StandardCharsets.UTF_8), "application/json",
                Map.of(), Integer.MAX_VALUE);
    }

    @Test
    void aRepresentationIsComputedOnceWhileCached() {
        var cache = new ResponseCache(RELEASED, 1 << 20);
        var computed = new AtomicInteger();
        Representation first = cache.representation("essay/a?fields=[]", () -> {
            computed.incrementAndGet();
            return body(100, 'a');
        });
        Representation again = cache.representation("essay/a?fields=[]", () -> {
            computed.incrementAndGet();
            return body(100, 'b');
        });
        assertThat(again).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void lastModifiedIsTheReleaseTimeFormattedOnce() {
        var cache = new ResponseCache(RELEASED, 1 << 20);
        assertThat(cache.lastModified()).isEqualTo("Mon, 30 Nov 2026 12:34:56 GMT").isSameAs(cache.lastModified());
    }

    @Test
    void aHundredThousandDistinctBodiesStayWithinTheByteBudget() {
        long budget = 1 << 20;
        var cache = new ResponseCache(RELEASED, budget);
        for (int i = 0; i < 100_000; i++) {
            cache.representation("essay/a?fields=" + i, () -> body(2_000, 'x'));
        }
        assertThat(cache.weight()).isPositive().isLessThanOrEqualTo(budget);
        // about budget / (2,000 bytes + overhead) entries survive, not 100,000
        assertThat(cache.size()).isBetween(100L, 600L);
    }

    @Test
    void aHundredThousandJunkBindingsStayWithinTheByteBudget() {
        long budget = 1 << 20;
        var cache = new ResponseCache(RELEASED, budget);
        cache.representation("tags", () -> body(500, 't'));
        for (int i = 0; i < 100_000; i++) {
            cache.bind("/api/v1/tags?fields=" + i, "tags", "/api/v1/tags");
        }
        assertThat(cache.weight()).isLessThanOrEqualTo(budget);
        assertThat(cache.size()).isLessThan(20_000);
    }

    @Test
    void aBoundUriGivesItsRepresentationAndRouteTemplate() {
        var cache = new ResponseCache(RELEASED, 1 << 20);
        Representation r = cache.representation("essay/a?fields=[]", () -> body(100, 'a'));
        cache.bind("/api/v1/essays/a", "essay/a?fields=[]", "/api/v1/essays/{slug}");
        ReleaseCache.Bound bound = cache.boundTo("/api/v1/essays/a");
        assertThat(bound.representation()).isSameAs(r);
        assertThat(bound.route()).isEqualTo("/api/v1/essays/{slug}");
        assertThat(cache.boundTo("/api/v1/essays/a?_=1")).isNull();
    }

    @Test
    void evictionUnbindsAUriAndCountsEveryBodyOnce() {
        var cache = new ResponseCache(RELEASED, 64 << 10);
        cache.representation("big", () -> body(40 << 10, 'b'));
        cache.bind("/big", "big", "/big");
        assertThat(cache.boundTo("/big")).isNotNull();
        for (int i = 0; i < 200; i++) {
            String key = "popular" + i;
            for (int hit = 0; hit < 3; hit++) {
                cache.representation(key, () -> body(30 << 10, 'p'));
            }
        }
        // bindings name their body by key, so a body is counted (and freed) once, whatever points at it
        assertThat(cache.weight()).isLessThanOrEqualTo(64 << 10);
        // once its binding or its body is evicted, the URI goes to JAX-RS, which binds it again
        assertThat(cache.boundTo("/big")).isNull();
    }

    @Test
    void aBodyLargerThanTheBudgetIsServedButNotKept() {
        var cache = new ResponseCache(RELEASED, 1 << 10);
        Representation r = cache.representation("huge", () -> body(4 << 10, 'h'));
        assertThat(r.body()).hasSize(4 << 10);
        assertThat(cache.weight()).isLessThanOrEqualTo(1 << 10);
    }
}
