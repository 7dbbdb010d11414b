package io.essays.store;

import java.io.Serializable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One cross-link occurrence: where it sits in its source essay and the passage around it. */
@Entity
@Table(name = "essay_link")
@IdClass(EssayLink.Key.class)
public class EssayLink extends PanacheEntityBase {
    @Id
    @Column(name = "source_slug")
    public String source;
    @Id
    public int position;
    @Column(name = "target_slug")
    public String target;
    public String anchor;
    @Column(name = "link_text")
    public String text;
    @Column(name = "section_id")
    public String sectionId;
    public int line;
    @Column(name = "context_text")
    public String contextText;
    @Column(name = "context_html")
    public String contextHtml;

    public record Key(String source, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
