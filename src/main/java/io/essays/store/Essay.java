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
    /** The Markdown source; null since V12, which stores it packed ({@link #packedSource}). */
    public String source;
    /** HTML with math as MathML; null since V12. */
    public String html;
    /** HTML with math as escaped TeX ({@code ?math=tex}); null since V12. */
    @Column(name = "html_tex")
    public String htmlTex;
    /** Null since V12. */
    @Column(name = "plain_text")
    public String plainText;
    /** {@link io.essays.corpus.PackedText#stored()} of the source. */
    @Column(name = "packed_source")
    public byte[] packedSource;
    @Column(name = "packed_html")
    public byte[] packedHtml;
    /** Null when the TeX variant is the HTML itself. */
    @Column(name = "packed_html_tex")
    public byte[] packedHtmlTex;
    @Column(name = "packed_plain_text")
    public byte[] packedPlainText;
    /**
     * The headings, their sections as ranges of the plain text ({@link io.essays.corpus.PackedHeadings}); null for
     * rows written before V13, whose headings are rows of {@code essay_heading}.
     */
    @Column(name = "packed_headings")
    public byte[] packedHeadings;
    /** Plain text before the first heading. */
    @Column(name = "lead_text")
    public String leadText;
}
