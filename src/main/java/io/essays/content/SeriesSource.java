package io.essays.content;

/** A validated series file. */
public record SeriesSource(String slug, String title, String description, int order) {
}
