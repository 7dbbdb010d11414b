package io.essays.sync;

import io.essays.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole {@link BundleApiTest} again, on a real PostgreSQL (the manifest's token reads the deployment from it). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresBundleApiTest extends BundleApiTest {
}
