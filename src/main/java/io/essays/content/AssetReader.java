package io.essays.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.essays.Sha256;
import io.essays.asset.ImageProbe;
import io.essays.asset.ImageType;
import io.essays.asset.SvgSanitizer;
import io.essays.markdown.AssetResolver;

/**
 * Reads {@code content/assets/} (sub-folders allowed): every file must be an allowed image type by its content (SVG,
 * PNG, JPEG, WebP, GIF) with a matching extension, within the size limits, and an SVG must be well-formed and is
 * sanitized ({@link SvgSanitizer}; what it drops becomes a warning). Then resolves the image destinations of essays,
 * which are relative to the essay file as a Git host resolves them ({@code ../assets/softmax/temperature.svg}).
 */
final class AssetReader {
    static final String DIRECTORY = "assets";
    /** Path segments that need no escaping in a URL and mean the same on every file system. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final long maxFileBytes;
    private final long maxTotalBytes;

    AssetReader(long maxFileBytes, long maxTotalBytes) {
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** The valid assets by path, and the paths of files that exist but are invalid (already reported). */
    record Assets(Map<String, AssetSource> valid, Set<String> invalid) {

        /**
         * Resolves the destinations of an essay in {@code essays/}. Its messages name files relative to the content
         * directory, as problems do: where the service keeps its content is the operator's business.
         */
        AssetResolver resolver() {
            return destination -> {
                String path = assetPath(destination);
                if (path == null) {
                    return new AssetResolver.Resolution(null, "image '" + destination + "' is not under " + DIRECTORY
                            + "/: reference an asset relative to the essay, e.g. ../assets/<essay>/figure.svg");
                }
                AssetSource asset = valid.get(path);
                if (asset != null) {
                    return new AssetResolver.Resolution(asset.image(), null);
                }
                return new AssetResolver.Resolution(null, invalid.contains(path) ? null
                        : "image '" + destination + "' not found: no file " + DIRECTORY + "/" + path);
            };
        }
    }

    /** The path under assets/ that a destination relative to essays/ refers to, or null when it is not in assets/. */
    static String assetPath(String destination) {
        if (destination.isEmpty() || destination.startsWith("/") || destination.contains("?")
                || destination.contains("#") || destination.contains("\\")) {
            return null;
        }
        var parts = new ArrayList<>(List.of("essays"));
        for (String segment : destination.split("/", -1)) {
            switch (segment) {
                case "", "." -> {
                }
                case ".." -> {
                    if (parts.isEmpty()) {
                        return null;
                    }
                    parts.remove(parts.size() - 1);
                }
                default -> parts.add(segment);
            }
        }
        if (parts.size() < 2 || !parts.get(0).equals(DIRECTORY)) {
            return null;
        }
        return String.join("/", parts.subList(1, parts.size()));
    }

    /** Every file under {@code root} that is read as an asset, in the order they are read (and hashed). */
    static List<Path> list(Path root, List<Problem> problems) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(root.relativize(p)))
                    .sorted()
                    .toList();
        }
        return CorpusReader.withoutLinksOut(root.getParent(), root, files, problems);
    }

    /** Adds an asset file's name to a content hash exactly as {@link #read} does, before its bytes. */
    static void digestName(MessageDigest digest, Path root, Path file) {
        digest.update((DIRECTORY + "/" + relative(root, file)).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** Adds an asset file to a content hash exactly as {@link #read} does. */
    static void hash(MessageDigest digest, Path root, Path file, byte[] bytes) {
        digestName(digest, root, file);
        digest.update(bytes);
    }

    Assets read(Path contentDir, List<Problem> problems, List<Problem> warnings, MessageDigest digest) {
        Path root = contentDir.resolve(DIRECTORY);
        var valid = new LinkedHashMap<String, AssetSource>();
        var invalid = new java.util.HashSet<String>();
        if (!Files.isDirectory(root)) {
            return new Assets(valid, invalid);
        }
        List<Path> files;
        try {
            files = list(root, problems);
        } catch (IOException e) {
            problems.add(new Problem(root.toString(), 0, "cannot list directory: " + CorpusReader.reason(e)));
            return new Assets(valid, invalid);
        }
        long total = 0;
        for (Path file : files) {
            String path = relative(root, file);
            invalid.add(path);
            String name = file.toString();
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                problems.add(new Problem(name, 0, "unreadable file: " + CorpusReader.reason(e)));
                continue;
            }
            total += size;
            if (!java.util.Arrays.stream(path.split("/")).allMatch(s -> SEGMENT.matcher(s).matches())) {
                problems.add(new Problem(name, 0, "asset names may use only letters, digits, '.', '_' and '-' "
                        + "(and start with a letter or digit), so that their URLs need no escaping"));
                continue;
            }
            if (size > maxFileBytes) {
                problems.add(new Problem(name, 0, "asset is " + size + " bytes, more than the limit of " + maxFileBytes
                        + " (essays.assets.max-file-size)"));
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                problems.add(new Problem(name, 0, "unreadable file: " + CorpusReader.reason(e)));
                continue;
            }
            hash(digest, root, file, bytes);
            AssetSource asset = asset(path, name, bytes, problems, warnings);
            if (asset != null) {
                valid.put(path, asset);
                invalid.remove(path);
            }
        }
        if (total > maxTotalBytes) {
            problems.add(new Problem(root.toString(), 0, "assets add up to " + total + " bytes, more than the limit of "
                    + maxTotalBytes + " (essays.assets.max-total-size)"));
        }
        return new Assets(valid, invalid);
    }

    private static AssetSource asset(String path, String file, byte[] bytes, List<Problem> problems,
                                     List<Problem> warnings) {
        ImageType type = ImageProbe.detect(bytes);
        if (type == null) {
            problems.add(new Problem(file, 0, "not an allowed image type: assets must be SVG, PNG, JPEG, WebP or GIF "
                    + "(recognised by their content)"));
            return null;
        }
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        if (type == ImageType.SVG && !ImageType.SVG.matchesExtension(fileName) && !parsesAsSvg(bytes)) {
            // text that merely starts with '<' (HTML, XML of another kind) is no image at all
            type = null;
        }
        if (type == null) {
            problems.add(new Problem(file, 0, "not an allowed image type: assets must be SVG, PNG, JPEG, WebP or GIF "
                    + "(recognised by their content)"));
            return null;
        }
        if (!type.matchesExtension(fileName)) {
            problems.add(new Problem(file, 0, "the content is " + type + " but the extension does not say so: use ."
                    + String.join(" or .", type.extensions())));
            return null;
        }
        if (type == ImageType.SVG) {
            try {
                SvgSanitizer.Result svg = SvgSanitizer.sanitize(bytes);
                svg.removals().forEach(r -> warnings.add(new Problem(file, r.line(), "removed from the SVG: " + r.what())));
                return new AssetSource(path, file, type, svg.svg(), sha256(svg.svg()), svg.width(), svg.height());
            } catch (SvgSanitizer.InvalidSvg e) {
                problems.add(new Problem(file, e.line(), e.getMessage()));
                return null;
            }
        }
        try {
            ImageProbe.Size size = ImageProbe.rasterSize(type, bytes);
            return new AssetSource(path, file, type, bytes, sha256(bytes), size.width(), size.height());
        } catch (ImageProbe.UnreadableImage e) {
            problems.add(new Problem(file, 0, e.getMessage()));
            return null;
        }
    }

    private static boolean parsesAsSvg(byte[] bytes) {
        try {
            SvgSanitizer.sanitize(bytes);
            return true;
        } catch (SvgSanitizer.InvalidSvg e) {
            return false;
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path root, Path file) {
        var parts = new ArrayList<String>();
        root.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
