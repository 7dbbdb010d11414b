package io.essays.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with the corpus: the file, the one-based line (0 when it concerns the whole file) and what is wrong. */
@Schema(name = "ContentProblem", description = "One thing wrong with the corpus: the file, the one-based line (0 when "
        + "it concerns the whole file) and what is wrong")
public record Problem(String file, int line, String message) implements Comparable<Problem> {

    @Override
    public int compareTo(Problem o) {
        int byFile = file.compareTo(o.file);
        return byFile != 0 ? byFile : Integer.compare(line, o.line);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
