package io.essays.search;

import io.essays.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole {@link StoredSearchIndexTest} again, on a real PostgreSQL (bytea chunks, the import lock). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresStoredSearchIndexTest extends StoredSearchIndexTest {
}
