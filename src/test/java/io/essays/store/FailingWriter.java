package io.essays.store;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * The real writer, except that while {@link #failing} every import reaches the write and the database refuses it, as
 * it would a value too long for its column. Enabled only by {@link ImportFailureTest}'s profile; fails from startup.
 */
@Alternative
@ApplicationScoped
public class FailingWriter extends CorpusWriter {
    public static volatile boolean failing = true;
    public static volatile int refused;

    @Inject
    FailingWriter(EntityManager em, Clock clock) {
        super(em, clock);
    }

    /** For the client proxy of a normal-scoped bean. */
    FailingWriter() {
        super(null, null);
    }

    @Override
    @Transactional
    public Optional<CorpusRelease> newest() {
        return failing ? Optional.empty() : super.newest();
    }

    @Override
    @Transactional
    public WriteResult write(Pending pending, String releaseHash) {
        if (failing) {
            refused++;
            throw new PersistenceException("could not execute batch", new SQLException(
                    "Value too long for column \"TEXT CHARACTER VARYING(1000)\""));
        }
        return super.write(pending, releaseHash);
    }
}
