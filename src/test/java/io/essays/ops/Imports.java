package io.essays.ops;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.restassured.path.json.JsonPath;

/** Following background imports from tests: poll with a deadline, never sleep a fixed time. */
public final class Imports {
    public static final String TOKEN = "Bearer test-admin-token-0123";

    private Imports() {
    }

    /** Polls an import's Location until it is no longer running. */
    public static JsonPath awaitFinished(String location) {
        return await(() -> given().header("Authorization", TOKEN).get(location).then().statusCode(200)
                .contentType("application/json").extract().jsonPath(), s -> !"running".equals(s.getString("state")));
    }

    /** Probes until {@code done} holds, for at most 60 s. */
    public static <T> T await(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still not done after 60 s: " + value);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
