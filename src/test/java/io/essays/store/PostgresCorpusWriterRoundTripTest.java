package io.essays.store;

import io.essays.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole {@link CorpusWriterRoundTripTest} again, on a real PostgreSQL of its own (rows sent by COPY). */
@QuarkusTest
@TestProfile(PostgresCorpusWriterRoundTripTest.Profile.class)
class PostgresCorpusWriterRoundTripTest extends CorpusWriterRoundTripTest {
    /** A profile of its own, so that no other PostgreSQL test shares the database this one writes a release to. */
    public static class Profile extends PostgresProfile {
    }
}
