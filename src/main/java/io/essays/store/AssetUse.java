package io.essays.store;

import java.io.Serializable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One image of an essay that is a corpus asset, in document order. */
@Entity
@Table(name = "essay_asset")
@IdClass(AssetUse.Key.class)
public class AssetUse extends PanacheEntityBase {
    @Id
    @Column(name = "essay_slug")
    public String essay;
    @Id
    public int position;
    @Column(name = "asset_path")
    public String path;
    public String url;
    public String alt;
    public String caption;
    public int line;

    public record Key(String essay, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
