package io.essays.api;

import io.essays.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole {@link FeedApiTest} again, on a real PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresFeedApiTest extends FeedApiTest {
}
