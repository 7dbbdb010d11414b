package io.essays.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An asset file of the current corpus: its path under {@code content/assets/} and the hash of its bytes. */
@Entity
@Table(name = "asset_file")
public class AssetFile extends PanacheEntityBase {
    @Id
    public String path;
    public String hash;
}
