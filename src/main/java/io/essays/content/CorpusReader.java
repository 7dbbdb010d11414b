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
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.essays.markdown.AssetResolver;
import io.essays.markdown.BodyProblem;
import io.essays.markdown.ExtractedLink;
import io.essays.markdown.MarkdownRenderer;
import io.essays.markdown.UnrenderableBodyException;
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

    /**
     * Why a content directory without essays or series is refused: imported, it would be a release that deletes
     * everything being served, announced to every replica, webhook and sync client.
     */
    private static final String NOT_POPULATED = "; a corpus without them is refused rather than imported as empty, "
            + "which would delete everything being served (an unmounted or not yet populated content volume looks like "
            + "this)";

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
        List<ReadSeries> seriesFiles = readSeries(contentDir, problems, digest);
        AssetReader.Assets assets = assetReader.read(contentDir, problems, warnings, digest);
        EssayFiles essayFiles = readEssays(contentDir, problems, digest, assets.resolver());
        checkCorpus(seriesFiles, essayFiles, problems);
        List<SeriesSource> series = seriesFiles.stream().map(ReadSeries::series).filter(Objects::nonNull).toList();
        List<EssaySource> essays = essayFiles.read().stream().map(ReadEssay::essay).filter(Objects::nonNull).toList();
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
        var problems = new ArrayList<Problem>();
        byte[] buffer = new byte[64 * 1024];
        try {
            // streamed, a file at a time: the size limits are checked by the full read, and a file far over them (a
            // stray video among the assets) must not be held in the heap whole just to be hashed
            for (Path path : files(contentDir.resolve("series"), problems)) {
                digestName(digest, path);
                digestContent(digest, path, buffer);
            }
            Path assets = contentDir.resolve(AssetReader.DIRECTORY);
            if (Files.isDirectory(assets)) {
                for (Path path : AssetReader.list(assets, problems)) {
                    AssetReader.digestName(digest, assets, path);
                    digestContent(digest, path, buffer);
                }
            }
            for (Path path : files(contentDir.resolve("essays"), problems)) {
                digestName(digest, path);
                digestContent(digest, path, buffer);
            }
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        // a problem of the listing (a link out of the content directory) is for the full read to report
        return problems.isEmpty() ? java.util.Optional.of(HexFormat.of().formatHex(digest.digest())) : java.util.Optional.empty();
    }

    private static void digestName(MessageDigest digest, Path path) {
        digest.update(path.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static void digestContent(MessageDigest digest, Path path, byte[] buffer) throws IOException {
        try (var in = Files.newInputStream(path)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static void hash(MessageDigest digest, Path path, byte[] bytes) {
        digestName(digest, path);
        digest.update(bytes);
    }

    /**
     * Every series file, one for each slug (a second file for a slug, {@code x.yml} beside {@code x.yaml}, is reported
     * and left out); an invalid one too, so that its essays are not also told their series is unknown.
     */
    private List<ReadSeries> readSeries(Path contentDir, List<Problem> problems, MessageDigest digest) {
        var result = new ArrayList<ReadSeries>();
        var fileOf = new HashMap<String, String>();
        Path dir = contentDir.resolve("series");
        int before = problems.size();
        List<Path> paths = files(dir, problems);
        boolean listed = problems.size() == before;
        for (Path path : paths) {
            String file = path.toString();
            String name = path.getFileName().toString();
            if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                problems.add(new Problem(file, 0, "not a series file: series are described in <slug>.yaml files"));
                continue;
            }
            String slug = name.substring(0, name.lastIndexOf('.'));
            String other = fileOf.putIfAbsent(slug, "series/" + name);
            if (other != null) {
                problems.add(new Problem(file, 0, "series '" + slug + "' is also defined in " + other
                        + ": keep one of the two files"));
            }
            String text = readUtf8(path, problems, digest);
            ReadSeries series = text == null ? new ReadSeries(file, slug, null, null, 0)
                    : readSeries(file, slug, text, problems);
            if (other == null) {
                result.add(series);
            }
        }
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), 0, "directory not found: every essay belongs to a series, "
                    + "described in series/<slug>.yaml" + NOT_POPULATED));
        } else if (listed && fileOf.isEmpty()) {
            problems.add(new Problem(dir.toString(), 0, "no series here: every essay belongs to a series, described "
                    + "in series/<slug>.yaml" + NOT_POPULATED));
        }
        return result;
    }

    private static ReadSeries readSeries(String file, String slug, String text, List<Problem> problems) {
        int before = problems.size();
        checkSlug(file, slug, problems);
        var yaml = FrontMatter.parse(file, text, 1, SERIES_KEYS, problems::add);
        if (yaml == null) {
            return new ReadSeries(file, slug, null, null, 0);
        }
        String title = yaml.requiredLine("title");
        String description = yaml.requiredText("description");
        Integer order = yaml.requiredPositiveInt("order");
        SeriesSource valid = problems.size() == before ? new SeriesSource(slug, title, description, order) : null;
        return new ReadSeries(file, slug, valid, order, yaml.line("order"));
    }

    /**
     * A series file as read: the series when valid, and what the corpus checks need of it when it is not.
     *
     * @param order     its order when that is valid, else null
     * @param orderLine the line of its {@code order:}
     */
    private record ReadSeries(String file, String slug, SeriesSource series, Integer order, int orderLine) {
    }

    /**
     * Reads every essay file in two passes: front matter and bodies first, then, once the renderer has seen the math
     * of the whole corpus ({@link MarkdownRenderer#prepare}, which lets it render every formula in bulk), each body.
     */
    private EssayFiles readEssays(Path contentDir, List<Problem> problems, MessageDigest digest, AssetResolver assets) {
        var split = new ArrayList<SplitEssay>();
        var slugs = new java.util.HashSet<String>();
        Path dir = contentDir.resolve("essays");
        int before = problems.size();
        List<Path> paths = files(dir, problems);
        boolean listed = problems.size() == before;
        for (Path path : paths) {
            String file = path.toString();
            String name = path.getFileName().toString();
            if (!name.endsWith(".md")) {
                problems.add(new Problem(file, 0, "not an essay file: essays are Markdown files named <slug>.md"));
                continue;
            }
            slugs.add(name.substring(0, name.length() - 3));
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
            return readEssay(essay, own, assets);
        }).toList();
        for (ReadEssay essay : read) {
            problems.addAll(essay.problems());
        }
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), 0, "directory not found: essays are read from essays/<slug>.md"
                    + NOT_POPULATED));
        } else if (listed && slugs.isEmpty()) {
            problems.add(new Problem(dir.toString(), 0, "no essay here: essays are read from essays/<slug>.md"
                    + NOT_POPULATED));
        }
        return new EssayFiles(read, slugs);
    }

    /**
     * The essays read, and the slug of every essay file, valid or not: a link to an essay whose file exists is not a
     * link to an unknown essay, whatever is wrong in that file.
     */
    private record EssayFiles(List<ReadEssay> read, Set<String> slugs) {
    }

    /**
     * One essay as read, with the problems found in it, in the order found: the essay when valid, and what the corpus
     * checks need of it when it is not (its body, when it could be rendered, and its series and order, when valid).
     */
    private record ReadEssay(String file, String slug, EssaySource essay, RenderedBody body, String series,
                             int seriesLine, Integer order, int orderLine, List<Problem> problems) {
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
            // without a closing line there is no telling where a body would start: it is not checked (nor is it when
            // the front matter is missing, as the file is then most likely no essay at all)
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

    /**
     * Reads one essay. Its body is rendered and checked whatever is wrong with its front matter, so that every problem
     * of the file is reported in one import; only the checks that need a front-matter value (the series exists, the
     * order is unique in it) are left out when that value is invalid, which is reported already.
     */
    private ReadEssay readEssay(SplitEssay essay, List<Problem> problems, AssetResolver assets) {
        String file = essay.file();
        String slug = essay.slug();
        String text = essay.text();
        int before = problems.size();
        var fm = FrontMatter.parse(file, essay.yaml(), 2, ESSAY_KEYS, problems::add);
        RenderedBody rendered = render(essay, problems, assets);
        if (fm == null) {
            return new ReadEssay(file, slug, null, rendered, null, 0, null, 0, problems);
        }
        String title = fm.requiredLine("title");
        String series = fm.requiredLine("series");
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
        EssaySource valid = essay.invalidSlug() || problems.size() != before ? null
                : new EssaySource(slug, title, series, order, summary.replaceAll("\\s+", " "), tags, aliases,
                        published, updated, text, rendered);
        return new ReadEssay(file, slug, valid, rendered, series, fm.line("series"), order, fm.line("order"),
                problems);
    }

    /** The body of {@code essay} rendered, its problems added to {@code problems}; null when it cannot be rendered. */
    private RenderedBody render(SplitEssay essay, List<Problem> problems, AssetResolver assets) {
        RenderedBody rendered;
        try {
            rendered = renderer.render(essay.body(), essay.close() + 1, assets);
        } catch (UnrenderableBodyException e) {
            problems.add(new Problem(essay.file(), e.line(), e.getMessage()));
            return null;
        }
        for (BodyProblem p : rendered.problems()) {
            problems.add(new Problem(essay.file(), p.line(), p.message()));
        }
        return rendered;
    }

    /**
     * Checks that need the whole corpus: series exist, orders are unique, cross-links and anchors resolve. Invalid
     * files take part as far as what is valid in them allows, so that one mistake neither hides the other problems of
     * its file nor turns into false ones elsewhere: a series or essay whose file exists is never unknown, and a
     * cross-link's anchor is checked against the target's headings whenever its body could be rendered.
     */
    private static void checkCorpus(List<ReadSeries> series, EssayFiles essays, List<Problem> problems) {
        Map<String, ReadSeries> seriesBySlug = new HashMap<>();
        Map<Integer, ReadSeries> seriesOrders = new HashMap<>();
        for (ReadSeries s : series) {
            seriesBySlug.put(s.slug(), s);
            ReadSeries other = s.order() == null ? null : seriesOrders.putIfAbsent(s.order(), s);
            if (other != null) {
                problems.add(new Problem(s.file(), s.orderLine(), "order " + s.order() + " is already used by series '"
                        + other.slug() + "'"));
            }
        }
        Map<String, RenderedBody> bodies = new HashMap<>();
        essays.read().stream().filter(e -> e.body() != null).forEach(e -> bodies.put(e.slug(), e.body()));
        Map<String, Set<String>> headingIds = new HashMap<>();
        Map<String, String> orders = new HashMap<>();
        for (ReadEssay e : essays.read()) {
            String file = e.file();
            // with no series file at all, that is reported once for the directory, not as every essay's series
            if (e.series() != null && !seriesBySlug.isEmpty()) {
                if (!seriesBySlug.containsKey(e.series())) {
                    problems.add(new Problem(file, e.seriesLine(), "unknown series '" + e.series() + "' (known: "
                            + seriesBySlug.keySet().stream().sorted().collect(Collectors.joining(", ")) + ")"));
                } else if (e.order() != null) {
                    String other = orders.putIfAbsent(e.series() + "#" + e.order(), e.slug());
                    if (other != null) {
                        problems.add(new Problem(file, e.orderLine(), "order " + e.order() + " is already used by '"
                                + other + "' in series '" + e.series() + "'"));
                    }
                }
            }
            if (e.body() == null) {
                continue;
            }
            Set<String> ownIds = headingIds.computeIfAbsent(e.slug(), slug -> ids(e.body()));
            for (var anchor : e.body().anchorLinks()) {
                if (!ownIds.contains(anchor.anchor())) {
                    problems.add(new Problem(file, anchor.line(),
                            "link to '#" + anchor.anchor() + "': this essay has no heading with that id"));
                }
            }
            for (ExtractedLink link : e.body().links()) {
                String target = link.targetSlug();
                if (!essays.slugs().contains(target)) {
                    problems.add(new Problem(file, link.line(), "cross-link to unknown essay '" + target
                            + "' (no file essays/" + target + ".md)"));
                    continue;
                }
                RenderedBody targetBody = bodies.get(target);
                // a target whose body could not be read or rendered has no headings to check the anchor against
                if (link.anchor() != null && targetBody != null
                        && !headingIds.computeIfAbsent(target, slug -> ids(targetBody)).contains(link.anchor())) {
                    problems.add(new Problem(file, link.line(), "cross-link to '" + target + ".md#" + link.anchor()
                            + "': essay '" + target + "' has no heading with id '" + link.anchor() + "'"));
                }
            }
        }
    }

    private static Set<String> ids(RenderedBody body) {
        return body.toc().stream().map(TocEntry::id).collect(Collectors.toSet());
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

    private static List<Path> files(Path dir, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> stream = Files.list(dir)) {
            List<Path> entries = stream.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            // an essay in a sub-directory would otherwise vanish from the corpus without a word (hidden ones, such as
            // a Kubernetes volume's ..data, are the mount's own)
            entries.stream().filter(Files::isDirectory).forEach(sub -> problems.add(new Problem(sub.toString(), 0,
                    "a directory: only the files directly in " + dir.getFileName() + "/ are read; move its files up, "
                            + "or out of the content directory")));
            List<Path> listed = entries.stream().filter(Files::isRegularFile).toList();
            return withoutLinksOut(dir.getParent(), dir, listed, problems);
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), 0, "cannot list directory: " + reason(e)));
            return List.of();
        }
    }

    /**
     * {@code files} without those that are links to a file outside {@code contentDir}, each reported: a link within it
     * is followed (a Kubernetes volume or a git-sync checkout is made of them), one out of it is not, so that no file
     * of the server (its environment, its keys, an image of someone else's) is read or served as content.
     */
    static List<Path> withoutLinksOut(Path contentDir, Path dir, List<Path> files, List<Problem> problems)
            throws IOException {
        Path root = contentDir.toRealPath();
        // a listing never descends into a linked directory, so only the directory listed and the links in it can lead
        // out: a plain file of a directory inside is inside, without resolving its path
        boolean dirInside = dir.toRealPath().startsWith(root);
        var inside = new ArrayList<Path>(files.size());
        for (Path file : files) {
            if (dirInside && !Files.isSymbolicLink(file) || file.toRealPath().startsWith(root)) {
                inside.add(file);
            } else {
                problems.add(new Problem(file.toString(), 0, "a link to a file outside the content directory; "
                        + "it is not read"));
            }
        }
        return inside;
    }

    /**
     * What went wrong reading a file, without its path: the message of a {@link java.nio.file.FileSystemException}
     * is the absolute path, which the problem names already (relative to the content directory, in the API).
     */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            if (e instanceof java.nio.file.AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof java.nio.file.NoSuchFileException) {
                return "no such file";
            }
            return e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
            problems.add(new Problem(path.toString(), 0, "unreadable file: " + reason(e)));
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
