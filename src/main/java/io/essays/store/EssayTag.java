package io.essays.store;

import java.io.Serializable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One tag of an essay, in front-matter order. */
@Entity
@Table(name = "essay_tag")
@IdClass(EssayTag.Key.class)
public class EssayTag extends PanacheEntityBase {
    @Id
    @Column(name = "essay_slug")
    public String essay;
    @Id
    public int position;
    public String tag;

    public record Key(String essay, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
