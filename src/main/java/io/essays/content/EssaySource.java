package io.essays.content;

import java.time.LocalDate;
import java.util.List;

import io.essays.markdown.RenderedBody;

/**
 * A validated, rendered essay: its front matter, the file as authored, and everything rendered from its body (the
 * body itself is not kept: nothing needs it once rendered, and a large corpus's bodies are a second copy of its files).
 */
public record EssaySource(String slug, String title, String series, int order, String summary, List<String> tags,
                          List<String> aliases, LocalDate published, LocalDate updated, String source,
                          RenderedBody rendered) {

    /** This essay without its prose blocks, which only the link analysis reads ({@link RenderedBody#withoutBlocks}). */
    public EssaySource withoutProseBlocks() {
        return new EssaySource(slug, title, series, order, summary, tags, aliases, published, updated, source,
                rendered.withoutBlocks());
    }
}
