package io.essays.store;

import java.io.Serializable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Another name of an essay's subject (front-matter {@code aliases}), used to find unlinked mentions. */
@Entity
@Table(name = "essay_alias")
@IdClass(EssayAlias.Key.class)
public class EssayAlias extends PanacheEntityBase {
    @Id
    @Column(name = "essay_slug")
    public String essay;
    @Id
    public int position;
    public String alias;

    public record Key(String essay, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
