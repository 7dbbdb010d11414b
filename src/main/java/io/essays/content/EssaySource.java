package io.essays.content;

import java.time.LocalDate;
import java.util.List;

import io.essays.markdown.RenderedBody;

/** A validated, rendered essay: its front matter, the file as authored, and everything rendered from its body. */
public record EssaySource(String slug, String title, String series, int order, String summary, List<String> tags,
                          List<String> aliases, LocalDate published, LocalDate updated, String source,
                          String body, RenderedBody rendered) {
}
