package io.essays.store;

import java.io.Serializable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A heading of an essay, in document order, with its section's first paragraph: rows of releases written before V13,
 * which packs an essay's headings in its row ({@link Essay#packedHeadings}).
 */
@Entity
@Table(name = "essay_heading")
@IdClass(EssayHeading.Key.class)
public class EssayHeading extends PanacheEntityBase {
    @Id
    @Column(name = "essay_slug")
    public String essay;
    @Id
    public int position;
    public int level;
    public String anchor;
    public String text;
    @Column(name = "first_paragraph_text")
    public String firstParagraphText;
    @Column(name = "first_paragraph_html")
    public String firstParagraphHtml;
    /** Plain text of the whole section, up to the next heading. */
    @Column(name = "section_text")
    public String sectionText;

    public record Key(String essay, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
