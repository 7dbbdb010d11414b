package io.essays.importer;

import java.nio.file.Path;

/**
 * An import refused because the content directory holds exactly what an older release held (same files, same
 * rendering): most likely a replica with an out-of-date copy, whose import would undo the newer release for every
 * replica, webhook and sync client. Nothing changed. Going back on purpose takes an admin import with
 * {@code ?allowOlder=true} (or {@code essays.refuse-older-content=false}).
 */
public class OlderContentException extends RuntimeException {
    OlderContentException(Path contentDir, long older, long newest) {
        super(contentDir + " holds the content of release " + older + ", older than release " + newest
                + ", the newest: not imported, so that an out-of-date copy cannot undo a newer release (to go back to it "
                + "on purpose, POST /api/v1/admin/import?allowOlder=true)", null, false, false);
    }
}
