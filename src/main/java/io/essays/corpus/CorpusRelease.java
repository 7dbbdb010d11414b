package io.essays.corpus;

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

    public static CorpusRelease latest() {
        return find("order by id desc").firstResult();
    }

    /** The newest {@code limit} releases, newest first. */
    public static java.util.List<CorpusRelease> recent(int limit) {
        return find("order by id desc").page(0, limit).list();
    }
}
