package io.essays.content;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with the corpus: the file, the one-based line (0 when it concerns the whole file) and what is wrong. */
@Schema(name = "ContentProblem", description = "One thing wrong with the corpus: the file, the one-based line (0 when "
        + "it concerns the whole file) and what is wrong")
public record Problem(
        @Schema(description = "The file, relative to the content directory (essays/softmax.md); '.' for the directory "
                + "itself") String file,
        int line,
        String message) implements Comparable<Problem> {

    /**
     * The same problem with its file named relative to {@code contentDir} ({@code essays/softmax.md}, with '/'), as
     * the API reports it: where the service keeps its content is nobody's business but the operator's, whose log
     * names the files as configured. A file outside {@code contentDir} keeps its name.
     */
    public Problem relativeTo(Path contentDir) {
        Path dir = contentDir.toAbsolutePath().normalize();
        Path path;
        try {
            path = Path.of(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return this;
        }
        if (!path.startsWith(dir)) {
            return this;
        }
        String relative = dir.relativize(path).toString().replace(File.separatorChar, '/');
        return new Problem(relative.isEmpty() ? "." : relative, line, message);
    }

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
