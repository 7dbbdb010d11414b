package io.essays.content;

import java.util.List;
import java.util.stream.Collectors;

/** The corpus has problems; it holds every one of them, sorted by file and line. */
public class InvalidCorpusException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidCorpusException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the corpus:\n" + problems.stream().sorted().map(Problem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = problems.stream().sorted().toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}
