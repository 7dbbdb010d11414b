package io.essays.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The essays related to one essay, ranked at import, as one row ({@link RelatedEntries} says how); see
 * {@code RelatedReasons} for the score.
 */
@Entity
@Table(name = "essay_related_list")
public class EssayRelated extends PanacheEntityBase {
    @Id
    @Column(name = "essay_slug")
    public String essay;
    /** {@link RelatedEntries#encode}'s form. */
    public String entries;
}
