package io.essays.store;

import java.io.Serializable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An unlinked mention of an essay in another essay's running text, found at import. */
@Entity
@Table(name = "essay_mention")
@IdClass(EssayMention.Key.class)
public class EssayMention extends PanacheEntityBase {
    /** The essay mentioned. */
    @Id
    @Column(name = "essay_slug")
    public String essay;
    /** Order among the mentions of {@link #essay}: by source in reading order, then document order. */
    @Id
    public int position;
    @Column(name = "source_slug")
    public String source;
    public String term;
    @Column(name = "matched_text")
    public String text;
    @Column(name = "section_id")
    public String sectionId;
    public int line;
    @Column(name = "context_text")
    public String contextText;
    @Column(name = "context_html")
    public String contextHtml;

    public record Key(String essay, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
