package io.essays.store;

import java.io.Serializable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One essay related to another, ranked at import; see {@link RelatedReasons} for the score. */
@Entity
@Table(name = "essay_related")
@IdClass(EssayRelated.Key.class)
public class EssayRelated extends PanacheEntityBase {
    @Id
    @Column(name = "essay_slug")
    public String essay;
    /** From 1, best first. */
    @Id
    @Column(name = "rank")
    public int rank;
    @Column(name = "related_slug")
    public String related;
    public double score;
    /** {@link RelatedReasons#encode()}. */
    public String reasons;

    public record Key(String essay, int rank) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
