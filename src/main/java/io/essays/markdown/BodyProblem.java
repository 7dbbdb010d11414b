package io.essays.markdown;

/** Something wrong in a Markdown body, with its one-based line in the file. */
public record BodyProblem(int line, String message) {
}
