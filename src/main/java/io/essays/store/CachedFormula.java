package io.essays.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One rendered formula in the formula cache; see {@link FormulaCache}. */
@Entity
@Table(name = "formula_cache")
public class CachedFormula extends PanacheEntityBase {
    /** SHA-256 (hex) of renderer version, display mode and TeX. */
    @Id
    @Column(name = "formula_hash")
    public String hash;
    public String mathml;
}
