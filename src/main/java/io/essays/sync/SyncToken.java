package io.essays.sync;

/**
 * What a token stands for, once its signature has been checked. A <em>sync token</em> ({@code base == 0}) names the
 * release a client holds: the next sync sends what changed since. A <em>page cursor</em> continues a sync that is
 * being paged: changes since {@code from} (0 for an initial sync), items after {@code after}, to be concluded with a
 * sync token for {@code base}, the release the first page was served from.
 *
 * @param deployment the deployment (database) that issued it
 * @param from       the release the client holds, 0 for none
 * @param base       for a page cursor, the release of the first page; 0 for a sync token
 * @param after      for a page cursor, the last item sent; null for a sync token
 */
record SyncToken(String deployment, long from, long base, ItemKey after) {

    static SyncToken sync(String deployment, long release) {
        return new SyncToken(deployment, release, 0, null);
    }

    boolean isCursor() {
        return base != 0;
    }
}
