package io.essays.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes served for one content hash; written once, whatever the number of releases and paths that use it. */
@Entity
@Table(name = "asset_blob")
public class AssetBlob extends PanacheEntityBase {
    @Id
    public String hash;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "byte_count")
    public int byteCount;
    public int width;
    public int height;
    public byte[] content;
}
