package io.essays.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusSnapshot.EssayData;
import io.essays.corpus.CorpusSnapshot.HeadingData;

/**
 * The in-memory Lucene index of one snapshot, built once (when the snapshot is loaded, before it is served) and never
 * changed, so any number of searches can share it; a new release gets a new index together with its snapshot.
 *
 * <p>Two kinds of documents. One <em>essay</em> document per essay ranks essays: fields {@code title},
 * {@code headings}, {@code summary}, {@code keywords} (tags and aliases) and {@code body} (the whole plain text),
 * scored by BM25 per field and weighted by {@link #ESSAY_FIELDS}; {@code series} and {@code tag} filter. One
 * <em>section</em> document per section (the lead before the first heading, then one per heading up to the next
 * heading), with fields {@code section_heading} and {@code section_text} (the section without its heading line,
 * with offsets for the highlighter), picks the best-matching sections of the essays on a page and the passages to
 * show. A doc-values ordinal points from every document back into the snapshot.
 *
 * <p>The first replica to load a release builds its index and stores the files ({@link #files()},
 * {@link StoredSearchIndex}); later loads {@link #open} them, which costs reading bytes instead of analysing the corpus.
 */
final class SearchIndex {
    static final String KIND = "kind";
    static final String ESSAY = "essay";
    static final String SECTION = "section";
    static final String SLUG = "slug";
    static final String SERIES = "series";
    static final String TAG = "tag";
    /** Doc values: the essay's position in reading order, or the section's across the corpus; breaks score ties. */
    static final String ORD = "ord";
    static final String TITLE = "title";
    static final String HEADINGS = "headings";
    static final String SUMMARY = "summary";
    static final String KEYWORDS = "keywords";
    static final String BODY = "body";
    /** Surface words of every text field: prefix expansion, spelling suggestions, term completion. */
    static final String SPELL = "spell";
    static final String SECTION_HEADING = "section_heading";
    static final String SECTION_TEXT = "section_text";

    /** Weights of the essay fields: a match in the title counts three times one in the body. */
    static final Map<String, Float> ESSAY_FIELDS = weights(TITLE, 3f, HEADINGS, 2f, SUMMARY, 2f, KEYWORDS, 2f, BODY, 1f);
    /** Weights of the section fields, for choosing the best section. */
    static final Map<String, Float> SECTION_FIELDS = weights(SECTION_HEADING, 2f, SECTION_TEXT, 1f);

    /** The indexing buffer shared by the indexing threads before a segment is flushed. */
    static final double RAM_BUFFER_MB = 48;
    private static final FieldType SPELL_TYPE = spellType();
    private static final FieldType SECTION_TEXT_TYPE = sectionTextType();

    /** The prefix of the main index's files among {@link #files()}. */
    static final String INDEX_FILES = "index/";
    /**
     * How this code builds an index: the Lucene version and a digest of the classes that decide what is indexed and how
     * (this one, the analyzers and their filters, the suggester). A stored index of another format is never opened, so
     * changing any of them re-indexes on the next load, without anyone having to remember a version number.
     */
    static final String FORMAT = IndexFormat.of(SearchIndex.class, SearchAnalyzers.class, SpellingVariantsFilter.class,
            TexBlanking.class, Suggester.class);

    private final CorpusSnapshot snapshot;
    private final Directory directory;
    private final DirectoryReader reader;
    private final long bytes;
    private final IndexSearcher searcher;
    private final List<EssayData> essays;
    /** Lucene doc id → essay ordinal (essay documents) or section ordinal (section documents). */
    private final int[] ordOfDoc;
    private final int[] sectionEssay;
    /** Index of the section's heading in its essay's headings, -1 for the lead. */
    private final int[] sectionHeading;
    private final int[] sectionCount;
    private final Suggester suggester;
    private final Highlighter highlighter;
    private final SearchCache cache;

    private SearchIndex(CorpusSnapshot snapshot, Sections sections, Directory directory, Function<DirectoryReader,
            Suggester> suggester) throws IOException {
        this.snapshot = snapshot;
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.essays = snapshot.essays();
        this.sectionEssay = sections.essay();
        this.sectionHeading = sections.heading();
        this.sectionCount = sections.count();
        int expected = essays.size() + sectionEssay.length;
        if (reader.maxDoc() != expected || reader.numDocs() != expected) {
            throw new CorruptIndexException("has " + reader.maxDoc() + " documents, not the " + expected
                    + " of release " + snapshot.releaseId(), "search index");
        }
        this.ordOfDoc = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues ords = leaf.reader().getNumericDocValues(ORD);
            for (int doc = ords.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ords.nextDoc()) {
                ordOfDoc[leaf.docBase + doc] = (int) ords.longValue();
            }
        }
        try {
            this.suggester = suggester.apply(reader);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        this.highlighter = new Highlighter(searcher, doc -> sectionBody(ordOfDoc[doc]));
        this.cache = new SearchCache(snapshot.importedAt(), SearchCache.MAX_BYTES);
        long size = 0;
        for (var files : directories().values()) {
            for (String file : files.listAll()) {
                size += files.fileLength(file);
            }
        }
        this.bytes = size;
    }

    /**
     * The sections of a snapshot in index order: for each, its essay and heading (-1 for the lead), and per essay how
     * many. Derived from the snapshot alone, so that a stored index needs none of it.
     */
    private record Sections(int[] essay, int[] heading, int[] count, int[] first) {
        static Sections of(List<EssayData> essays) {
            int[] first = new int[essays.size()];
            int[] count = new int[essays.size()];
            var essay = new ArrayList<Integer>();
            var heading = new ArrayList<Integer>();
            for (int e = 0; e < essays.size(); e++) {
                EssayData data = essays.get(e);
                first[e] = essay.size();
                if (!text(data.leadText()).isBlank()) {
                    essay.add(e);
                    heading.add(-1);
                }
                for (int h = 0; h < data.headings().size(); h++) {
                    essay.add(e);
                    heading.add(h);
                }
                count[e] = essay.size() - first[e];
            }
            return new Sections(essay.stream().mapToInt(Integer::intValue).toArray(),
                    heading.stream().mapToInt(Integer::intValue).toArray(), count, first);
        }
    }

    /**
     * Indexes every essay and section of {@code snapshot}, essays in parallel, all essay documents before any section
     * document. Document ids therefore follow no particular order; results are ordered by score, then by {@link #ORD}
     * (reading order), never by document id.
     */
    static SearchIndex build(CorpusSnapshot snapshot) {
        List<EssayData> essays = snapshot.essays();
        Sections sections = Sections.of(essays);
        var analyzers = new PerFieldAnalyzerWrapper(SearchAnalyzers.TEXT, Map.<String, Analyzer>of(SPELL, SearchAnalyzers.SURFACE));
        // segment count changes no score (BM25 statistics are index-wide) and no order (ties are broken by ORD, never
        // by document id); no compound files to copy into
        var config = new IndexWriterConfig(analyzers)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setUseCompoundFile(false)
                .setMergePolicy(NoMergePolicy.INSTANCE);
        var directory = new ByteBuffersDirectory();
        try {
            try (var writer = new IndexWriter(directory, config)) {
                // essays first, then sections, with a flush between: no segment mixes the two kinds, so every field's
                // norms are dense in the segments that have it, which makes writing the postings cheaper
                IntStream.range(0, essays.size()).parallel()
                        .forEach(e -> add(writer, List.of(essayDocument(e, essays.get(e)))));
                writer.flush();
                IntStream.range(0, essays.size()).parallel().forEach(e -> {
                    EssayData essay = essays.get(e);
                    var docs = new ArrayList<Document>();
                    int section = sections.first()[e];
                    if (!text(essay.leadText()).isBlank()) {
                        docs.add(sectionDocument(section++, essay, null, text(essay.leadText())));
                    }
                    for (HeadingData heading : essay.headings()) {
                        docs.add(sectionDocument(section++, essay, heading.text(), withoutHeading(heading)));
                    }
                    add(writer, docs);
                });
            }
            return new SearchIndex(snapshot, sections, directory, reader -> {
                try {
                    return Suggester.build(snapshot, reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    private static void add(IndexWriter writer, List<Document> docs) {
        try {
            writer.addDocuments(docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens the index of {@code snapshot} from files {@link #files()} returned for it before (in this {@link #FORMAT}).
     * Every file's checksum is verified and the documents are counted against the snapshot, so damaged or foreign files
     * fail here, with an {@link IOException}, rather than at search time.
     */
    static SearchIndex open(CorpusSnapshot snapshot, Map<String, byte[]> files) throws IOException {
        var main = new ByteBuffersDirectory();
        var titles = new ByteBuffersDirectory();
        var headings = new ByteBuffersDirectory();
        for (var file : files.entrySet()) {
            String name = file.getKey();
            Directory directory;
            if (name.startsWith(INDEX_FILES)) {
                directory = main;
            } else if (name.startsWith(Suggester.TITLE_FILES)) {
                directory = titles;
            } else if (name.startsWith(Suggester.HEADING_FILES)) {
                directory = headings;
            } else {
                throw new CorruptIndexException("unknown file", name);
            }
            String local = name.substring(name.indexOf('/') + 1);
            try (IndexOutput out = directory.createOutput(local, IOContext.DEFAULT)) {
                out.writeBytes(file.getValue(), file.getValue().length);
            }
            try (IndexInput in = directory.openInput(local, IOContext.READONCE)) {
                CodecUtil.checksumEntireFile(in);
            }
        }
        return new SearchIndex(snapshot, Sections.of(snapshot.essays()), main, reader -> {
            try {
                return Suggester.open(titles.listAll().length == 0 ? null : titles,
                        headings.listAll().length == 0 ? null : headings, reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every file of the index and its suggester, by name (prefixed by the directory it belongs to), to be stored. */
    Map<String, byte[]> files() {
        var files = new TreeMap<String, byte[]>();
        try {
            for (var directory : directories().entrySet()) {
                for (String name : directory.getValue().listAll()) {
                    try (IndexInput in = directory.getValue().openInput(name, IOContext.READONCE)) {
                        byte[] bytes = new byte[Math.toIntExact(in.length())];
                        in.readBytes(bytes, 0, bytes.length);
                        files.put(directory.getKey() + name, bytes);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the in-memory search index", e);
        }
        return files;
    }

    private Map<String, Directory> directories() {
        var directories = new LinkedHashMap<String, Directory>();
        directories.put(INDEX_FILES, directory);
        if (suggester != null) {
            directories.putAll(suggester.directories());
        }
        return directories;
    }

    private static Document essayDocument(int ord, EssayData essay) {
        var doc = new Document();
        doc.add(new StringField(KIND, ESSAY, Field.Store.NO));
        doc.add(new StringField(SLUG, essay.slug(), Field.Store.NO));
        doc.add(new StringField(SERIES, essay.series(), Field.Store.NO));
        doc.add(new NumericDocValuesField(ORD, ord));
        essay.tags().forEach(t -> doc.add(new StringField(TAG, t, Field.Store.NO)));
        doc.add(new TextField(TITLE, essay.title(), Field.Store.NO));
        doc.add(new TextField(SUMMARY, essay.summary(), Field.Store.NO));
        doc.add(new TextField(BODY, essay.plainText(), Field.Store.NO));
        essay.headings().forEach(h -> doc.add(new TextField(HEADINGS, h.text(), Field.Store.NO)));
        essay.tags().forEach(t -> doc.add(new TextField(KEYWORDS, t, Field.Store.NO)));
        essay.aliases().forEach(a -> doc.add(new TextField(KEYWORDS, a, Field.Store.NO)));
        for (String text : List.of(essay.title(), essay.summary(), essay.plainText())) {
            doc.add(new Field(SPELL, text, SPELL_TYPE));
        }
        essay.tags().forEach(t -> doc.add(new Field(SPELL, t, SPELL_TYPE)));
        essay.aliases().forEach(a -> doc.add(new Field(SPELL, a, SPELL_TYPE)));
        return doc;
    }

    private static Document sectionDocument(int ord, EssayData essay, String heading, String text) {
        var doc = new Document();
        doc.add(new StringField(KIND, SECTION, Field.Store.NO));
        doc.add(new StringField(SLUG, essay.slug(), Field.Store.NO));
        doc.add(new NumericDocValuesField(ORD, ord));
        if (heading != null) {
            doc.add(new TextField(SECTION_HEADING, heading, Field.Store.NO));
        }
        doc.add(new Field(SECTION_TEXT, text, SECTION_TEXT_TYPE));
        return doc;
    }

    /** With offsets in the postings, so that the highlighter cuts snippets without analyzing again. */
    private static FieldType sectionTextType() {
        var type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static FieldType spellType() {
        var type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /** The indexed text of a section: the lead, or a section without its heading line. */
    String sectionBody(int section) {
        HeadingData heading = sectionHeading(section);
        return heading == null ? text(essays.get(sectionEssay[section]).leadText()) : withoutHeading(heading);
    }

    /** A section's text without its heading line, which the section's heading field and the response carry. */
    static String withoutHeading(HeadingData heading) {
        String text = text(heading.sectionText());
        return text.startsWith(heading.text()) ? text.substring(heading.text().length()).strip() : text;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Float> weights(Object... pairs) {
        var map = new LinkedHashMap<String, Float>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Float) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    CorpusSnapshot snapshot() {
        return snapshot;
    }

    DirectoryReader reader() {
        return reader;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    Suggester suggester() {
        return suggester;
    }

    Highlighter highlighter() {
        return highlighter;
    }

    SearchCache cache() {
        return cache;
    }

    /** The essay of an essay document. */
    EssayData essayOfDoc(int doc) {
        return essays.get(ordOfDoc[doc]);
    }

    int essayOrdOfDoc(int doc) {
        return ordOfDoc[doc];
    }

    /** The section ordinal of a section document. */
    int sectionOfDoc(int doc) {
        return ordOfDoc[doc];
    }

    int sectionEssay(int section) {
        return sectionEssay[section];
    }

    /** The heading of a section, or null for the lead. */
    HeadingData sectionHeading(int section) {
        int h = sectionHeading[section];
        return h < 0 ? null : essays.get(sectionEssay[section]).headings().get(h);
    }

    int sectionCount(int essayOrd) {
        return sectionCount[essayOrd];
    }

    int essayCount() {
        return essays.size();
    }

    int sectionTotal() {
        return sectionEssay.length;
    }

    /** Size of the Lucene index files in memory, the suggester's included (the snapshot's text comes on top). */
    long bytes() {
        return bytes;
    }
}
