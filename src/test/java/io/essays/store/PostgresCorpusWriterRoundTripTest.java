package io.essays.store;

import io.essays.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole {@link CorpusWriterRoundTripTest} again, on real PostgreSQL (rows sent by COPY). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresCorpusWriterRoundTripTest extends CorpusWriterRoundTripTest {
}
