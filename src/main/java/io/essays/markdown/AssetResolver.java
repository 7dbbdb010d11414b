package io.essays.markdown;

/** Finds the asset a relative image destination of one essay refers to. */
public interface AssetResolver {

    /** An essay whose images cannot be resolved: every relative image is reported as not found. */
    AssetResolver NONE = destination -> new Resolution(null,
            "image '" + destination + "' is not an asset: no assets are known here");

    /**
     * What a relative destination refers to: the asset, or a problem message, or neither when the file exists but is
     * itself invalid (and already reported).
     */
    Resolution resolve(String destination);

    /** Either {@code asset} or {@code problem} (or neither, see {@link #resolve}). */
    record Resolution(ImageAsset asset, String problem) {
    }
}
