package io.essays.sync;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.essays.corpus.CorpusSnapshot;
import io.essays.essay.EssayService;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds each release's offline bundle once, on its first request, and keeps it with the release's snapshot. */
@ApplicationScoped
class Bundles {
    private static final Logger LOG = Logger.getLogger(Bundles.class);

    private final SyncService sync;
    private final EssayService essays;
    private final ObjectMapper mapper;

    Bundles(SyncService sync, EssayService essays, ObjectMapper mapper) {
        this.sync = sync;
        this.essays = essays;
        this.mapper = mapper;
    }

    /** Holds one snapshot's bundle; concurrent first requests wait for one build. */
    private static final class Holder {
        private Bundle bundle;
    }

    Bundle bundle(CorpusSnapshot snapshot) {
        Holder holder = snapshot.derived(Holder.class, s -> new Holder());
        synchronized (holder) {
            if (holder.bundle == null) {
                holder.bundle = Bundle.build(snapshot, sync, essays, mapper, sync.tokenFor(snapshot.releaseId()));
                LOG.infof("Bundle of release %d: %d bytes, built in %d ms", snapshot.releaseId(),
                        holder.bundle.representation().body().length, holder.bundle.buildMillis());
            }
            return holder.bundle;
        }
    }
}
