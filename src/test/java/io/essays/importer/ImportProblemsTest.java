package io.essays.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.essays.content.Problem;

/** A failed import with a problem per broken link keeps and logs a bounded number of them, and always their count. */
class ImportProblemsTest {
    private static final Path CONTENT = Path.of("/srv/content");

    private static List<Problem> problems(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> new Problem("/srv/content/essays/a.md", i, "cross-link to unknown essay 'x" + i + "'"))
                .toList();
    }

    @Test
    void theStatusKeepsTheFirstThousandProblemsNamedRelativeToTheContentDirectory() {
        List<Problem> kept = ImportJobs.kept(problems(50_000), CONTENT);

        assertThat(kept).hasSize(ImportJobs.KEPT_PROBLEMS).hasSize(1_000);
        assertThat(kept.get(0)).isEqualTo(new Problem("essays/a.md", 1, "cross-link to unknown essay 'x1'"));
        assertThat(kept.get(999).line()).isEqualTo(1_000);
        assertThat(ImportJobs.kept(problems(3), CONTENT)).extracting(Problem::line).containsExactly(1, 2, 3);
    }

    @Test
    void theLogListsAHundredProblemsAndCountsTheRest() {
        String logged = ImportJobs.listed(problems(250), ImportJobs.LOGGED_PROBLEMS);

        assertThat(logged.lines()).hasSize(1 + 100 + 1);
        assertThat(logged).startsWith("250 problem(s) in the corpus:\n")
                .contains("\n/srv/content/essays/a.md:100: cross-link to unknown essay 'x100'\n")
                .doesNotContain("'x101'")
                .endsWith("\n… and 150 more");
        assertThat(ImportJobs.listed(problems(2), 100).lines()).hasSize(3).last().asString().contains("'x2'");
    }
}
