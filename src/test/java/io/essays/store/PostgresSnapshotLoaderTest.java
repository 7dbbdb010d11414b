package io.essays.store;

import io.essays.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link SnapshotLoaderTest} on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresSnapshotLoaderTest extends SnapshotLoaderTest {
}
