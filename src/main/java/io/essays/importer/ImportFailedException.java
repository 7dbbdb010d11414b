package io.essays.importer;

/**
 * An import that failed for a reason other than problems in the content (a database write refused, a renderer bug,
 * an unreadable directory): nothing changed, the release being served stays. The message names the step and the cause.
 */
public class ImportFailedException extends RuntimeException {
    private final String step;

    ImportFailedException(String step, Throwable cause) {
        super("Import failed while " + step + ": " + describe(cause), cause);
        this.step = step;
    }

    /** What the import was doing, e.g. "writing to the database". */
    public String step() {
        return step;
    }

    /** The innermost cause, which is the one that says what went wrong (a JDBC message rather than Hibernate's). */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }
}
