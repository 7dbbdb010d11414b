package io.essays.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.essays.http.ReleaseCache;
import io.essays.http.Representation;
import io.essays.http.ResponseCache;

/**
 * The immutable read model of one corpus release, loaded from the database. Every request is answered from one
 * snapshot; a new release replaces the whole snapshot at once, so readers never see a mix of two releases.
 * Derived structures (search index, graph) are computed at most once per snapshot; response bodies are cached in a
 * {@link ResponseCache} bounded in bytes ({@code essays.http.cache-budget}).
 */
public final class CorpusSnapshot implements ReleaseCache {

    /** A series with its essays in reading order. */
    public record SeriesData(String slug, String title, String description, int order, List<EssayData> essays) {
    }

    /**
     * Everything about one essay; {@code html} has math as MathML, {@code htmlTex} as escaped TeX. A value class with
     * a record's constructor, accessors and equality: the source and both HTML variants are held as {@link PackedText}
     * (UTF-8, deflated when long) and unpacked when asked for, which only building a representation does; an essay
     * without math holds one HTML, and the TeX variant of one with math is deflated against the MathML one, so it takes
     * a few hundred bytes rather than a second copy.
     */
    public static final class EssayData {
        private final String slug;
        private final String title;
        private final String series;
        private final int order;
        private final String summary;
        private final List<String> tags;
        private final List<String> aliases;
        private final LocalDate published;
        private final LocalDate updated;
        private final int wordCount;
        private final int readingMinutes;
        private final PackedText source;
        private final PackedText html;
        private final PackedText htmlTex;
        private final PackedText plainText;
        private final String leadText;
        private final List<HeadingData> headings;
        private final List<LinkData> outgoing;
        private final List<AssetUseData> assets;

        public EssayData(String slug, String title, String series, int order, String summary, List<String> tags, List<String> aliases, LocalDate published, LocalDate updated, int wordCount, int readingMinutes, String source, String html, String htmlTex, String plainText, String leadText, List<HeadingData> headings, List<LinkData> outgoing, List<AssetUseData> assets) {
            this(slug, title, series, order, summary, tags, aliases, published, updated, wordCount, readingMinutes,
                    EssayBodies.pack(source, html, htmlTex, plainText), plainText, leadText, headings, outgoing, assets);
        }

        /** An essay whose long texts are packed already (as the database stores them). */
        public EssayData(String slug, String title, String series, int order, String summary, List<String> tags, List<String> aliases, LocalDate published, LocalDate updated, int wordCount, int readingMinutes, EssayBodies bodies, String leadText, List<HeadingData> headings, List<LinkData> outgoing, List<AssetUseData> assets) {
            this(slug, title, series, order, summary, tags, aliases, published, updated, wordCount, readingMinutes,
                    bodies, placed(headings, bodies.plainText()) ? null : text(bodies.plainText()), leadText, headings,
                    outgoing, assets);
        }

        /**
         * Whether every heading's section is held as a range of {@code plainText} already (no headings, or headings
         * unpacked from the database since V13, {@link PackedHeadings}): then nothing is unpacked or searched.
         */
        private static boolean placed(List<HeadingData> headings, PackedText plainText) {
            return headings == null || headings.stream().allMatch(h -> h.sectionSlice().base() == plainText);
        }

        /**
         * {@code plainText} is the unpacked text of {@code bodies.plainText()}, to place the headings' sections in;
         * null when they are placed already.
         */
        private EssayData(String slug, String title, String series, int order, String summary, List<String> tags, List<String> aliases, LocalDate published, LocalDate updated, int wordCount, int readingMinutes, EssayBodies bodies, String plainText, String leadText, List<HeadingData> headings, List<LinkData> outgoing, List<AssetUseData> assets) {
            this.slug = slug;
            this.title = title;
            this.series = series;
            this.order = order;
            this.summary = summary;
            this.tags = tags;
            this.aliases = aliases;
            this.published = published;
            this.updated = updated;
            this.wordCount = wordCount;
            this.readingMinutes = readingMinutes;
            this.source = bodies.source();
            this.html = bodies.html();
            this.htmlTex = bodies.htmlTex();
            this.plainText = bodies.plainText();
            this.leadText = leadText;
            this.headings = within(headings, plainText, this.plainText);
            this.outgoing = outgoing;
            this.assets = assets;
        }

        private static String text(PackedText packed) {
            return packed == null ? null : packed.text();
        }

        public HeadingData heading(String id) {
            return headings.stream().filter(h -> h.id().equals(id)).findFirst().orElse(null);
        }

        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }

        public String series() {
            return series;
        }

        public int order() {
            return order;
        }

        public String summary() {
            return summary;
        }

        public List<String> tags() {
            return tags;
        }

        public List<String> aliases() {
            return aliases;
        }

        public LocalDate published() {
            return published;
        }

        public LocalDate updated() {
            return updated;
        }

        public int wordCount() {
            return wordCount;
        }

        public int readingMinutes() {
            return readingMinutes;
        }

        public String source() {
            return text(source);
        }

        public String html() {
            return text(html);
        }

        public String htmlTex() {
            return text(htmlTex);
        }

        public String plainText() {
            return text(plainText);
        }

        /**
         * The headings with their texts held as ranges of the essay's plain text (see {@link HeadingData}):
         * {@code held} is {@code plainText} itself or it packed. The headings themselves without a plain text.
         */
        static List<HeadingData> within(List<HeadingData> headings, String plainText, Object held) {
            if (headings == null || plainText == null || headings.isEmpty()) {
                return headings;
            }
            var result = new java.util.ArrayList<HeadingData>(headings.size());
            int[] from = {0};
            headings.forEach(h -> result.add(h.within(plainText, held, from)));
            return List.copyOf(result);
        }

        public String leadText() {
            return leadText;
        }

        public List<HeadingData> headings() {
            return headings;
        }

        public List<LinkData> outgoing() {
            return outgoing;
        }

        public List<AssetUseData> assets() {
            return assets;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof EssayData e)) {
                return false;
            }
            return Objects.equals(slug, e.slug)
                    && Objects.equals(title, e.title)
                    && Objects.equals(series, e.series)
                    && order == e.order
                    && Objects.equals(summary, e.summary)
                    && Objects.equals(tags, e.tags)
                    && Objects.equals(aliases, e.aliases)
                    && Objects.equals(published, e.published)
                    && Objects.equals(updated, e.updated)
                    && wordCount == e.wordCount
                    && readingMinutes == e.readingMinutes
                    && Objects.equals(source, e.source)
                    && Objects.equals(html, e.html)
                    && Objects.equals(htmlTex, e.htmlTex)
                    && Objects.equals(plainText, e.plainText)
                    && Objects.equals(leadText, e.leadText)
                    && Objects.equals(headings, e.headings)
                    && Objects.equals(outgoing, e.outgoing)
                    && Objects.equals(assets, e.assets);
        }

        @Override
        public int hashCode() {
            int h = Objects.hash(slug, title, series, order, summary, tags, aliases, published, updated, wordCount, readingMinutes, plainText, leadText, headings, outgoing, assets);
            return 31 * (31 * (31 * h + Objects.hashCode(source)) + Objects.hashCode(html)) + Objects.hashCode(htmlTex);
        }

        @Override
        public String toString() {
            return "EssayData[slug=" + slug + ", title=" + title + ", series=" + series + ", order=" + order + "]";
        }
    }

    /**
     * An asset file of the release with the bytes to serve.
     *
     * @param path    path under {@code content/assets/}
     * @param hash    SHA-256 (hex) of {@code content}
     * @param bytes   size of {@code content}
     * @param width   intrinsic width in CSS pixels
     * @param height  intrinsic height in CSS pixels
     */
    public record AssetData(String path, String hash, String mediaType, int bytes, int width, int height,
                            byte[] content) {
    }

    /** An asset as an essay uses it, in document order: with the URL its HTML points at, its alt text and caption. */
    public record AssetUseData(AssetData asset, String url, String alt, String caption) {
    }

    /**
     * A heading with the first paragraph and the whole plain text of its section. The section's text and its first
     * paragraph are parts of the essay's plain text; {@link #within} keeps them as ranges of that one text instead
     * of copies (a tenth of a large corpus's heap), which the essay holds packed, and the accessors cut them out when
     * asked. Equal by value, like a
     * record.
     */
    public static final class HeadingData {
        private final int level;
        private final String id;
        private final String text;
        private final String firstParagraphHtml;
        private final Slice firstParagraph;
        private final Slice section;

        public HeadingData(int level, String id, String text, String firstParagraphText, String firstParagraphHtml,
                           String sectionText) {
            this(level, id, text, firstParagraphHtml, Slice.of(firstParagraphText), Slice.of(sectionText));
        }

        HeadingData(int level, String id, String text, String firstParagraphHtml, Slice firstParagraph,
                    Slice section) {
            this.level = level;
            this.id = id;
            this.text = text;
            this.firstParagraphHtml = firstParagraphHtml;
            this.firstParagraph = firstParagraph;
            this.section = section;
        }

        /**
         * This heading with its section text and first paragraph held as ranges of {@code plainText} (the essay's),
         * the section searched from {@code start[0]} first (headings come in document order), then from the
         * beginning; itself when the section is not in {@code plainText}. Sets {@code start[0]} to where the section
         * starts, for the next heading. The import places headings so ({@link PackedHeadings}), and an essay whose
         * headings are rows written before V13 (over its packed text, see {@link EssayData}); this form, over the
         * string itself, is what {@code HeadingDataTest} checks the ranging with.
         */
        HeadingData within(String plainText, int[] start) {
            return within(plainText, plainText, start);
        }

        /** As {@link #within(String, int[])}, with the ranges held over {@code held}: {@code plainText} or it packed. */
        HeadingData within(String plainText, Object held, int[] start) {
            String sectionText = section.toString();
            if (sectionText == null) {
                return this;
            }
            int at = plainText.indexOf(sectionText, start[0]);
            if (at < 0) {
                at = plainText.indexOf(sectionText);
            }
            if (at < 0) {
                return this;
            }
            start[0] = at;
            Slice inPlain = new Slice(held, at, at + sectionText.length());
            String paragraph = firstParagraph.toString();
            int p = paragraph == null ? -1 : sectionText.indexOf(paragraph);
            Slice paragraphInPlain = p < 0 ? firstParagraph : new Slice(held, at + p, at + p + paragraph.length());
            return new HeadingData(level, id, text, firstParagraphHtml, paragraphInPlain, inPlain);
        }

        public int level() {
            return level;
        }

        public String id() {
            return id;
        }

        public String text() {
            return text;
        }

        public String firstParagraphText() {
            return firstParagraph.toString();
        }

        public String firstParagraphHtml() {
            return firstParagraphHtml;
        }

        public String sectionText() {
            return section.toString();
        }

        /** The section text as held: a range of the essay's plain text once placed, else the text itself. */
        Slice sectionSlice() {
            return section;
        }

        Slice firstParagraphSlice() {
            return firstParagraph;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HeadingData h && level == h.level && Objects.equals(id, h.id)
                    && Objects.equals(text, h.text) && Objects.equals(firstParagraphHtml, h.firstParagraphHtml)
                    && Objects.equals(firstParagraphText(), h.firstParagraphText())
                    && Objects.equals(sectionText(), h.sectionText());
        }

        @Override
        public int hashCode() {
            return Objects.hash(level, id, text, firstParagraphHtml, firstParagraphText(), sectionText());
        }

        @Override
        public String toString() {
            return "HeadingData[level=" + level + ", id=" + id + ", text=" + text + "]";
        }

        /**
         * The characters {@code start} (inclusive) to {@code end} of {@code base}, a {@code String} or a
         * {@link PackedText} (unpacked to cut); null when base is null.
         */
        record Slice(Object base, int start, int end) {
            static Slice of(String s) {
                return new Slice(s, 0, s == null ? 0 : s.length());
            }

            @Override
            public String toString() {
                if (base == null) {
                    return null;
                }
                String text = base instanceof PackedText packed ? packed.text() : (String) base;
                return start == 0 && end == text.length() ? text : text.substring(start, end);
            }
        }
    }

    /** One cross-link occurrence. */
    public record LinkData(String source, int position, String target, String anchor, String text, String sectionId,
                           int line, String contextText, String contextHtml) {
    }

    /** An unlinked mention of {@code essay} in {@code source}'s running text; see {@code LinkAnalysis}. */
    public record MentionData(String essay, int position, String source, String term, String text, String sectionId,
                              int line, String contextText, String contextHtml) {
    }

    /** An essay related to {@code essay}, ranked from 1; {@code reasons} in {@code RelatedReasons}' stored form. */
    public record RelatedData(String essay, int rank, String related, double score, String reasons) {
    }

    private final long releaseId;
    private final String contentHash;
    private final Instant importedAt;
    private final List<SeriesData> series;
    private final Map<String, SeriesData> seriesBySlug;
    private final List<EssayData> essays;
    private final Map<String, EssayData> essaysBySlug;
    private final Map<String, List<LinkData>> incoming;
    private final Map<String, List<MentionData>> mentions;
    private final Map<String, List<RelatedData>> related;
    private final SortedMap<String, Integer> tags;
    private final Map<String, AssetData> assets;
    private final ResponseCache responses;
    private final Map<Class<?>, java.util.concurrent.CompletableFuture<Object>> derived = new ConcurrentHashMap<>();

    public CorpusSnapshot(long releaseId, String contentHash, Instant importedAt, List<SeriesData> series,
                   List<EssayData> essays, Map<String, List<LinkData>> incoming, Map<String, List<MentionData>> mentions,
                   Map<String, List<RelatedData>> related, SortedMap<String, Integer> tags, Map<String, AssetData> assets,
                   long cacheBudget) {
        this.releaseId = releaseId;
        this.contentHash = contentHash;
        this.importedAt = importedAt;
        this.series = List.copyOf(series);
        this.essays = List.copyOf(essays);
        this.incoming = Map.copyOf(incoming);
        this.mentions = Map.copyOf(mentions);
        this.related = Map.copyOf(related);
        this.tags = Collections.unmodifiableSortedMap(tags);
        this.assets = Map.copyOf(assets);
        this.responses = new ResponseCache(importedAt, cacheBudget);
        this.seriesBySlug = index(series, SeriesData::slug);
        this.essaysBySlug = index(essays, EssayData::slug);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        var map = new java.util.HashMap<String, T>();
        items.forEach(i -> map.put(key.apply(i), i));
        return Map.copyOf(map);
    }

    public long releaseId() {
        return releaseId;
    }

    public String contentHash() {
        return contentHash;
    }

    @Override
    public Instant importedAt() {
        return importedAt;
    }

    /** Series in order. */
    public List<SeriesData> series() {
        return series;
    }

    public SeriesData series(String slug) {
        return seriesBySlug.get(slug);
    }

    /** Essays in reading order: by series order, then order within the series. */
    public List<EssayData> essays() {
        return essays;
    }

    public EssayData essay(String slug) {
        return essaysBySlug.get(slug);
    }

    /** Links into an essay, by source in reading order then position. */
    public List<LinkData> incoming(String slug) {
        return incoming.getOrDefault(slug, List.of());
    }

    /** Unlinked mentions of an essay, by source in reading order then document order. */
    public List<MentionData> mentions(String slug) {
        return mentions.getOrDefault(slug, List.of());
    }

    /** Essays related to an essay, best first. */
    public List<RelatedData> related(String slug) {
        return related.getOrDefault(slug, List.of());
    }

    /** The asset at a path under {@code content/assets/}, or null. */
    public AssetData asset(String path) {
        return assets.get(path);
    }

    /** Every asset of the release, by path. */
    public Map<String, AssetData> assets() {
        return assets;
    }

    /** Tag → number of essays, sorted by tag. */
    public SortedMap<String, Integer> tags() {
        return tags;
    }

    @Override
    public String lastModified() {
        return responses.lastModified();
    }

    @Override
    public Representation representation(String key, Supplier<Representation> compute) {
        return responses.representation(key, compute);
    }

    @Override
    public void bind(String uri, String key, String route) {
        responses.bind(uri, key, route);
    }

    @Override
    public Bound boundTo(String uri) {
        return responses.boundTo(uri);
    }

    /** This release's response cache, for its size and weight. */
    public ResponseCache responses() {
        return responses;
    }

    /**
     * A structure derived from this snapshot (search index, link graph …), built once: the first caller builds it, and
     * callers meanwhile (or while {@link #prepareInBackground} builds it) wait for that build. A failed build is
     * forgotten, so the next caller tries again.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Class<T> type, Function<CorpusSnapshot, T> build) {
        var existing = derived.get(type);
        if (existing == null) {
            var mine = new java.util.concurrent.CompletableFuture<Object>();
            existing = derived.putIfAbsent(type, mine);
            if (existing == null) {
                build(type, build, mine);
                existing = mine;
            }
        }
        try {
            return (T) existing.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Starts building a derived structure on a thread of its own, so that start-up goes on meanwhile; {@link #derived}
     * waits for it and {@link #prepared()} tells when every structure started so has been built.
     */
    public <T> void prepareInBackground(Class<T> type, Function<CorpusSnapshot, T> build) {
        var mine = new java.util.concurrent.CompletableFuture<Object>();
        if (derived.putIfAbsent(type, mine) == null) {
            Thread thread = new Thread(() -> {
                try {
                    build(type, build, mine);
                } catch (RuntimeException | Error e) {
                    // forgotten by build(): the next caller builds again (and sees the failure itself)
                    org.jboss.logging.Logger.getLogger(CorpusSnapshot.class).errorf(e,
                            "Building the %s of release %d failed; it is built again on first use",
                            type.getSimpleName(), releaseId);
                }
            }, "essays-prepare-" + type.getSimpleName());
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Whether every derived structure started so far has been built (or failed and been forgotten). */
    public boolean prepared() {
        return derived.values().stream().allMatch(java.util.concurrent.CompletableFuture::isDone);
    }

    private <T> void build(Class<T> type, Function<CorpusSnapshot, T> build,
                           java.util.concurrent.CompletableFuture<Object> result) {
        try {
            result.complete(build.apply(this));
        } catch (RuntimeException | Error e) {
            derived.remove(type, result);
            result.completeExceptionally(e);
            throw e;
        }
    }
}
