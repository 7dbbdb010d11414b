package io.essays.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A series row of the current corpus. */
@Entity
@Table(name = "series")
public class Series extends PanacheEntityBase {
    @Id
    public String slug;
    public String title;
    public String description;
    @Column(name = "position")
    public int order;
}
