package io.essays.store;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One successful import. The newest release is the one served; ETags and Last-Modified derive from it. */
@Entity
@Table(name = "corpus_release")
public class CorpusRelease extends PanacheEntityBase {
    /**
     * The storage format this version writes, and the newest it reads: the migration that last changed how a release's
     * rows are laid out (V13, packed headings). It reads every older format too. Raise it with the migration of the
     * next change in layout, so that replicas of this version leave releases of the new layout alone.
     */
    public static final int STORAGE_FORMAT = 13;

    @Id
    public long id;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "imported_at")
    public OffsetDateTime importedAt;
    @Column(name = "series_count")
    public int seriesCount;
    @Column(name = "essay_count")
    public int essayCount;
    @Column(name = "link_count")
    public int linkCount;
    @Column(name = "essays_added")
    public int essaysAdded;
    @Column(name = "essays_changed")
    public int essaysChanged;
    @Column(name = "essays_deleted")
    public int essaysDeleted;
    @Column(name = "storage_format")
    public int storageFormat;

    /** Whether this version can read the release: it was written in {@link #STORAGE_FORMAT} or an older format. */
    public boolean readable() {
        return storageFormat <= STORAGE_FORMAT;
    }

    /** Why this version leaves the release alone, when it cannot read it. */
    public String unreadableReason() {
        return "release " + id + " is stored in format " + storageFormat + ", written by a newer version of the "
                + "service; this version reads formats up to " + STORAGE_FORMAT;
    }

    /**
     * The newest release, or null before the first import. Read with plain SQL (a detached copy, for reading): it is on
     * every start-up's path, where the first HQL query would cost the query parser's class loading and warm-up.
     */
    public static CorpusRelease latest() {
        return getSession().doReturningWork(connection -> {
            try (var statement = connection.prepareStatement("SELECT id, content_hash, imported_at, series_count, "
                    + "essay_count, link_count, essays_added, essays_changed, essays_deleted, storage_format "
                    + "FROM corpus_release ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
                 var rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                var release = new CorpusRelease();
                release.id = rs.getLong(1);
                release.contentHash = rs.getString(2);
                release.importedAt = rs.getObject(3, OffsetDateTime.class);
                release.seriesCount = rs.getInt(4);
                release.essayCount = rs.getInt(5);
                release.linkCount = rs.getInt(6);
                release.essaysAdded = rs.getInt(7);
                release.essaysChanged = rs.getInt(8);
                release.essaysDeleted = rs.getInt(9);
                release.storageFormat = rs.getInt(10);
                return release;
            }
        });
    }

    /** The newest release whose hash is {@code releaseHash}, if any was ever written. */
    public static java.util.Optional<Long> idWithHash(String releaseHash) {
        return find("contentHash = ?1 order by id desc", releaseHash).firstResultOptional().map(r -> ((CorpusRelease) r).id);
    }

    /** The newest {@code limit} releases, newest first. */
    public static java.util.List<CorpusRelease> recent(int limit) {
        return find("order by id desc").page(0, limit).list();
    }
}
