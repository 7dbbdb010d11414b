package io.essays.sync;

import java.util.List;

/**
 * {@code manifest.json}, the first entry of the offline bundle (described in the README rather than the spec, since it
 * travels inside the ZIP).
 *
 * @param release    the release the bundle holds
 * @param importedAt when it was imported, ISO-8601 UTC
 * @param syncToken  a sync token for the release: an app that installed the bundle continues with deltas from it
 * @param files      every other file, in order: series, assets, essays, each with its size and SHA-256
 * @param assets     every asset as a sync item describes it (media type, size, width, height, URL), by path: what an
 *                   app that installs the bundle would otherwise only get from a first sync
 */
record BundleManifest(long release, String importedAt, String syncToken, Counts counts, List<BundleFile> files,
                      List<SyncAsset> assets) {

    /** How many of each item the bundle holds. */
    record Counts(int series, int essays, int assets) {
    }

    /** A file of the bundle with its size and SHA-256 (hex), to check what was unpacked. */
    record BundleFile(String path, long bytes, String sha256) {
    }
}
