package io.essays.http;

/** Gives the HTTP layer the release being served, without depending on how it is loaded. */
public interface CurrentRelease {

    /** The release being served, or null before the first import. */
    ReleaseCache release();
}
