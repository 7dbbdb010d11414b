package io.essays.store;

import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An essay row of the current corpus, with everything rendered from it at import. */
@Entity
@Table(name = "essay")
public class Essay extends PanacheEntityBase {
    @Id
    public String slug;
    @Column(name = "series_slug")
    public String series;
    @Column(name = "position")
    public int order;
    public String title;
    public String summary;
    public LocalDate published;
    public LocalDate updated;
    @Column(name = "word_count")
    public int wordCount;
    @Column(name = "reading_minutes")
    public int readingMinutes;
    public String source;
    /** HTML with math as MathML. */
    public String html;
    /** HTML with math as escaped TeX ({@code ?math=tex}). */
    @Column(name = "html_tex")
    public String htmlTex;
    @Column(name = "plain_text")
    public String plainText;
    /** Plain text before the first heading. */
    @Column(name = "lead_text")
    public String leadText;
}
