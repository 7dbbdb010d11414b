package io.essays.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.essays.markdown.BodyProblem;
import io.essays.markdown.ExtractedLink;
import io.essays.markdown.MarkdownRenderer;
import io.essays.markdown.RenderedBody;
import io.essays.markdown.TocEntry;

/**
 * Reads a content directory ({@code series/*.yaml}, {@code essays/*.md}, {@code assets/**}), validates the whole corpus
 * and renders every essay. Either returns a complete {@link Corpus} or throws {@link InvalidCorpusException} with every problem found.
 */
public final class CorpusReader {
    /** The classes that turn files into what an import stores (their bytes are part of the release hash). */
    public static final List<Class<?>> CODE = List.of(CorpusReader.class, FrontMatter.class, Problem.class);
    static final long MAX_FILE_BYTES = 1 << 20;
    static final Set<String> SERIES_KEYS = new LinkedHashSet<>(List.of("title", "description", "order"));
    static final Set<String> ESSAY_KEYS = new LinkedHashSet<>(
            List.of("title", "series", "order", "summary", "tags", "aliases", "published", "updated"));

    /** Default asset limits: 2 MiB a file, 50 MiB in all. */
    public static final long MAX_ASSET_BYTES = 2L << 20;
    public static final long MAX_TOTAL_ASSET_BYTES = 50L << 20;

    private final MarkdownRenderer renderer;
    private final AssetReader assetReader;

    public CorpusReader(MarkdownRenderer renderer) {
        this(renderer, MAX_ASSET_BYTES, MAX_TOTAL_ASSET_BYTES);
    }

    /**
     * @param maxAssetBytes      largest asset file allowed
     * @param maxTotalAssetBytes most bytes all assets may add up to
     */
    public CorpusReader(MarkdownRenderer renderer, long maxAssetBytes, long maxTotalAssetBytes) {
        this.renderer = renderer;
        this.assetReader = new AssetReader(maxAssetBytes, maxTotalAssetBytes);
    }

    public Corpus read(Path contentDir) {
        var problems = new ArrayList<Problem>();
        var warnings = new ArrayList<Problem>();
        var digest = sha256();
        if (!Files.isDirectory(contentDir)) {
            throw new InvalidCorpusException(List.of(new Problem(contentDir.toString(), 0,
                    "content directory not found (set essays.content-dir)")));
        }
        List<SeriesSource> series = readSeries(contentDir, problems, digest);
        AssetReader.Assets assets = assetReader.read(contentDir, problems, warnings, digest);
        List<EssaySource> essays = readEssays(contentDir, problems, digest, assets.resolver());
        checkCorpus(contentDir, series, essays, problems);
        var used = new java.util.HashSet<String>();
        essays.forEach(e -> e.rendered().images().forEach(i -> used.add(i.asset().path())));
        assets.valid().values().stream().filter(a -> !used.contains(a.path()))
                .forEach(a -> warnings.add(new Problem(a.file(), 0, "asset is not used by any essay")));
        if (!problems.isEmpty()) {
            throw new InvalidCorpusException(problems);
        }
        series = series.stream().sorted(Comparator.comparingInt(SeriesSource::order)).toList();
        Map<String, Integer> seriesOrder = new HashMap<>();
        series.forEach(s -> seriesOrder.put(s.slug(), s.order()));
        essays = essays.stream()
                .sorted(Comparator.comparing((EssaySource e) -> seriesOrder.get(e.series())).thenComparingInt(EssaySource::order))
                .toList();
        return new Corpus(series, essays, HexFormat.of().formatHex(digest.digest()), List.copyOf(assets.valid().values()),
                warnings.stream().sorted().toList());
    }

    /**
     * The content hash that {@link #read} would give {@code contentDir} if it is valid, computed from the files alone
     * (no parsing, no rendering): what an import compares with the stored release before doing any work. Empty when
     * a file cannot be read (a full read then reports it).
     */
    public static java.util.Optional<String> contentHash(Path contentDir) {
        var digest = sha256();
        try {
            for (Path path : files(contentDir.resolve("series"), new ArrayList<>())) {
                hash(digest, path, Files.readAllBytes(path));
            }
            Path assets = contentDir.resolve(AssetReader.DIRECTORY);
            if (Files.isDirectory(assets)) {
                for (Path path : AssetReader.list(assets)) {
                    AssetReader.hash(digest, assets, path, Files.readAllBytes(path));
                }
            }
            for (Path path : files(contentDir.resolve("essays"), new ArrayList<>())) {
                hash(digest, path, Files.readAllBytes(path));
            }
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    private static void hash(MessageDigest digest, Path path, byte[] bytes) {
        digest.update(path.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(bytes);
    }

    private List<SeriesSource> readSeries(Path contentDir, List<Problem> problems, MessageDigest digest) {
        var result = new ArrayList<SeriesSource>();
        for (Path path : files(contentDir.resolve("series"), problems)) {
            String file = path.toString();
            String name = path.getFileName().toString();
            if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                problems.add(new Problem(file, 0, "not a series file: series are described in <slug>.yaml files"));
                continue;
            }
            String slug = name.substring(0, name.lastIndexOf('.'));
            String text = readUtf8(path, problems, digest);
            if (text == null) {
                continue;
            }
            int before = problems.size();
            checkSlug(file, slug, problems);
            var yaml = FrontMatter.parse(file, text, 1, SERIES_KEYS, problems::add);
            if (yaml == null) {
                continue;
            }
            String title = yaml.requiredText("title");
            String description = yaml.requiredText("description");
            Integer order = yaml.requiredPositiveInt("order");
            if (problems.size() == before) {
                result.add(new SeriesSource(slug, title, description, order));
            }
        }
        return result;
    }

    /**
     * Reads every essay file in two passes: front matter and bodies first, then, once the renderer has seen the math
     * of the whole corpus ({@link MarkdownRenderer#prepare}, which lets it render every formula in bulk), each body.
     */
    private List<EssaySource> readEssays(Path contentDir, List<Problem> problems, MessageDigest digest,
                                         io.essays.markdown.AssetResolver assets) {
        var split = new ArrayList<SplitEssay>();
        for (Path path : files(contentDir.resolve("essays"), problems)) {
            String file = path.toString();
            String name = path.getFileName().toString();
            if (!name.endsWith(".md")) {
                problems.add(new Problem(file, 0, "not an essay file: essays are Markdown files named <slug>.md"));
                continue;
            }
            String text = readUtf8(path, problems, digest);
            if (text != null) {
                SplitEssay essay = split(file, name.substring(0, name.length() - 3), text, problems);
                if (essay != null) {
                    split.add(essay);
                }
            }
        }
        renderer.prepare(split.stream().map(SplitEssay::body).toList());
        // bodies render on every core (the renderer is thread-safe); each essay collects its own problems, and both
        // are gathered in file order, so the result and the problems are exactly those of rendering one by one. Each
        // split essay is let go once rendered: its body is a copy that nothing else holds.
        SplitEssay[] pending = split.toArray(SplitEssay[]::new);
        split = null;
        List<ReadEssay> read = IntStream.range(0, pending.length).parallel().mapToObj(i -> {
            SplitEssay essay = pending[i];
            pending[i] = null;
            var own = new ArrayList<Problem>();
            return new ReadEssay(readEssay(essay, own, assets), own);
        }).toList();
        var result = new ArrayList<EssaySource>();
        for (ReadEssay essay : read) {
            problems.addAll(essay.problems());
            if (essay.essay() != null) {
                result.add(essay.essay());
            }
        }
        return result;
    }

    /** One essay as read: null when invalid, and the problems found in it, in the order found. */
    private record ReadEssay(EssaySource essay, List<Problem> problems) {
    }

    /** An essay file cut at its front matter; {@code close} is the zero-based line of the closing {@code ---}. */
    private record SplitEssay(String file, String slug, String text, String yaml, int close, String body,
                              boolean invalidSlug) {
    }

    private SplitEssay split(String file, String slug, String text, List<Problem> problems) {
        int before = problems.size();
        checkSlug(file, slug, problems);
        // line by line up to the closing line only, and the front matter and body cut out of the text, not joined from
        // its lines: a large corpus is millions of lines, and the body is most of the file
        int firstEnd = lineEnd(text, 0);
        if (!text.substring(0, firstEnd).strip().equals("---")) {
            problems.add(new Problem(file, 1, "missing front matter: the file must start with a '---' line"));
            return null;
        }
        int close = -1;
        int closeStart = -1;
        int line = 1;
        for (int start = firstEnd + 1; start <= text.length(); line++) {
            int end = lineEnd(text, start);
            String l = text.substring(start, end).strip();
            if (l.equals("---") || l.equals("...")) {
                close = line;
                closeStart = start;
                break;
            }
            start = end + 1;
        }
        if (close < 0) {
            problems.add(new Problem(file, 1, "front matter opened here is never closed with a '---' line"));
            return null;
        }
        String yaml = close == 1 ? "" : text.substring(firstEnd + 1, closeStart - 1);
        int bodyStart = lineEnd(text, closeStart) + 1;
        String body = bodyStart > text.length() ? "" : text.substring(bodyStart);
        return new SplitEssay(file, slug, text, yaml, close, body, problems.size() != before);
    }

    /** Where the line starting at {@code start} ends: its {@code \n}, or the end of the text. */
    private static int lineEnd(String text, int start) {
        int end = text.indexOf('\n', start);
        return end < 0 ? text.length() : end;
    }

    private EssaySource readEssay(SplitEssay essay, List<Problem> problems, io.essays.markdown.AssetResolver assets) {
        String file = essay.file();
        String slug = essay.slug();
        String text = essay.text();
        int close = essay.close();
        int before = problems.size();
        String body = essay.body();
        var fm = FrontMatter.parse(file, essay.yaml(), 2, ESSAY_KEYS, problems::add);
        RenderedBody rendered = renderer.render(body, close + 1, assets);
        for (BodyProblem p : rendered.problems()) {
            problems.add(new Problem(file, p.line(), p.message()));
        }
        if (fm == null) {
            return null;
        }
        String title = fm.requiredText("title");
        String series = fm.requiredText("series");
        Integer order = fm.requiredPositiveInt("order");
        String summary = fm.requiredText("summary");
        List<String> tags = fm.stringList("tags", FrontMatter.SLUG, "lowercase letters, digits and hyphens");
        List<String> aliases = fm.stringList("aliases", null, null);
        LocalDate published = fm.date("published", true);
        LocalDate updated = fm.date("updated", false);
        if (published != null && updated != null && updated.isBefore(published)) {
            problems.add(new Problem(file, fm.line("updated"),
                    "'updated' (" + updated + ") is before 'published' (" + published + ")"));
        }
        if (essay.invalidSlug() || problems.size() != before) {
            return null;
        }
        return new EssaySource(slug, title, series, order, summary.replaceAll("\\s+", " "), tags, aliases, published,
                updated, text, rendered);
    }

    /** Checks that need the whole corpus: series exist, orders are unique, cross-links and anchors resolve. */
    private void checkCorpus(Path contentDir, List<SeriesSource> series, List<EssaySource> essays, List<Problem> problems) {
        Map<String, SeriesSource> seriesBySlug = new HashMap<>();
        Map<Integer, String> seriesOrders = new HashMap<>();
        for (SeriesSource s : series) {
            seriesBySlug.put(s.slug(), s);
            String other = seriesOrders.putIfAbsent(s.order(), s.slug());
            if (other != null) {
                problems.add(new Problem(seriesFile(contentDir, s.slug()), 0,
                        "order " + s.order() + " is already used by series '" + other + "'"));
            }
        }
        Map<String, EssaySource> bySlug = essays.stream().collect(Collectors.toMap(EssaySource::slug, e -> e));
        Map<String, String> orders = new HashMap<>();
        for (EssaySource e : essays) {
            String file = essayFile(contentDir, e.slug());
            int[] lines = frontMatterLines(e.source(), "series", "order");
            if (!seriesBySlug.containsKey(e.series())) {
                problems.add(new Problem(file, lines[0], "unknown series '" + e.series() + "' (known: "
                        + seriesBySlug.keySet().stream().sorted().collect(Collectors.joining(", ")) + ")"));
            } else {
                String other = orders.putIfAbsent(e.series() + "#" + e.order(), e.slug());
                if (other != null) {
                    problems.add(new Problem(file, lines[1], "order " + e.order() + " is already used by '" + other
                            + "' in series '" + e.series() + "'"));
                }
            }
            Set<String> ownIds = ids(e.rendered());
            for (var anchor : e.rendered().anchorLinks()) {
                if (!ownIds.contains(anchor.anchor())) {
                    problems.add(new Problem(file, anchor.line(),
                            "link to '#" + anchor.anchor() + "': this essay has no heading with that id"));
                }
            }
            for (ExtractedLink link : e.rendered().links()) {
                EssaySource target = bySlug.get(link.targetSlug());
                if (target == null) {
                    problems.add(new Problem(file, link.line(), "cross-link to unknown essay '" + link.targetSlug()
                            + "' (no file " + essayFile(contentDir, link.targetSlug()) + ")"));
                } else if (link.anchor() != null && !ids(target.rendered()).contains(link.anchor())) {
                    problems.add(new Problem(file, link.line(), "cross-link to '" + link.targetSlug() + ".md#"
                            + link.anchor() + "': essay '" + link.targetSlug() + "' has no heading with id '"
                            + link.anchor() + "'"));
                }
            }
        }
    }

    private static Set<String> ids(RenderedBody body) {
        return body.toc().stream().map(TocEntry::id).collect(Collectors.toSet());
    }

    /** One-based lines of the given front-matter keys (1 when absent): used to point duplicate-order problems. */
    private static int[] frontMatterLines(String source, String... keys) {
        int[] result = new int[keys.length];
        String[] lines = source.split("\n", -1);
        for (int k = 0; k < keys.length; k++) {
            result[k] = 1;
            for (int i = 1; i < lines.length && !lines[i].strip().equals("---"); i++) {
                if (lines[i].startsWith(keys[k] + ":")) {
                    result[k] = i + 1;
                    break;
                }
            }
        }
        return result;
    }

    /** A slug (a file name without its extension) is a key: lowercase letters, digits and hyphens, not too long. */
    private static void checkSlug(String file, String slug, List<Problem> problems) {
        if (!FrontMatter.SLUG.matcher(slug).matches()) {
            problems.add(new Problem(file, 0, "invalid slug '" + slug + "': use lowercase letters, digits and hyphens"));
        } else if (slug.length() > FrontMatter.MAX_KEY_LENGTH) {
            problems.add(new Problem(file, 0, "the slug (file name) is " + slug.length() + " characters long; use at most "
                    + FrontMatter.MAX_KEY_LENGTH));
        }
    }

    private static String essayFile(Path contentDir, String slug) {
        return contentDir.resolve("essays").resolve(slug + ".md").toString();
    }

    private static String seriesFile(Path contentDir, String slug) {
        return contentDir.resolve("series").resolve(slug + ".yaml").toString();
    }

    private static List<Path> files(Path dir, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> stream = Files.list(dir)) {
            return stream.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), 0, "cannot list directory: " + e.getMessage()));
            return List.of();
        }
    }

    /**
     * The text of UTF-8 {@code bytes}; throws on malformed input. The JDK's String constructor (fast, but it replaces
     * malformed input with U+FFFD) decodes, and the strict decoder only checks a text with a U+FFFD in it, which a
     * valid file may hold too.
     */
    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            strictUtf8().decode(ByteBuffer.wrap(bytes));
        }
        return text;
    }

    /** Reads a file as strict UTF-8; reports unreadable, oversized or non-UTF-8 files with the line of the bad byte. */
    private static String readUtf8(Path path, List<Problem> problems, MessageDigest digest) {
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                problems.add(new Problem(path.toString(), 0, "file is larger than " + MAX_FILE_BYTES + " bytes"));
                return null;
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            problems.add(new Problem(path.toString(), 0, "unreadable file: " + e.getMessage()));
            return null;
        }
        hash(digest, path, bytes);
        try {
            String text = decodeUtf8(bytes).replace("\r\n", "\n");
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problems.add(new Problem(path.toString(), line, "not valid UTF-8 (byte offset " + bad + ")"));
            return null;
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        var in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = strictUtf8().decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    /** A UTF-8 decoder that reports malformed input rather than replacing it. */
    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
