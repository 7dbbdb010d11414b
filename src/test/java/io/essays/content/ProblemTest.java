package io.essays.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Content problems as the API reports them: files relative to the content directory, however it was configured. */
class ProblemTest {

    @Test
    void fileIsNamedRelativeToTheContentDirectoryWithSlashes() {
        Path dir = Path.of("some", "content").toAbsolutePath();
        var problem = new Problem(dir.resolve("essays").resolve("x.md").toString(), 42, "bad");
        assertThat(problem.relativeTo(dir)).isEqualTo(new Problem("essays/x.md", 42, "bad"));
        // configured relative, reported absolute, or the other way round: the same file
        assertThat(new Problem("some/content/series/a.yaml", 0, "bad").relativeTo(dir).file()).isEqualTo("series/a.yaml");
        assertThat(new Problem(dir.resolve("essays/../essays/y.md").toString(), 1, "bad").relativeTo(Path.of("some/content"))
                .file()).isEqualTo("essays/y.md");
    }

    @Test
    void theDirectoryItselfIsDotAndAFileOutsideKeepsItsName() {
        Path dir = Path.of("content").toAbsolutePath();
        assertThat(new Problem(dir.toString(), 0, "cannot list directory").relativeTo(dir).file()).isEqualTo(".");
        String outside = Path.of("elsewhere", "x.md").toAbsolutePath().toString();
        assertThat(new Problem(outside, 3, "bad").relativeTo(dir).file()).isEqualTo(outside);
        // a sibling whose name starts like the directory's is outside it
        String sibling = Path.of("content-old", "x.md").toAbsolutePath().toString();
        assertThat(new Problem(sibling, 3, "bad").relativeTo(dir).file()).isEqualTo(sibling);
    }
}
