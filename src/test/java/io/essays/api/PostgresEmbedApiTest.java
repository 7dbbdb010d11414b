package io.essays.api;

import io.essays.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole {@link EmbedApiTest} again, on a real PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresEmbedApiTest extends EmbedApiTest {
}
