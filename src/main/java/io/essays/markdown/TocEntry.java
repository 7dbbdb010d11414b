package io.essays.markdown;

/** One heading of an essay: its level (1–6), its stable id and its text. */
public record TocEntry(int level, String id, String text) {
}
