package io.essays.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.Test;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusSnapshot.EssayData;
import io.essays.corpus.CorpusState;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The search index stored in the database per release (V10): written by the load that builds it, opened by later
 * loads with the same answers, and never trusted when damaged, foreign or of another format.
 */
@QuarkusTest
class StoredSearchIndexTest {
    @Inject
    CorpusState state;

    @Inject
    SearchService search;

    @Inject
    StoredSearchIndex stored;

    @Inject
    DataSource dataSource;

    private CorpusSnapshot served() {
        CorpusSnapshot snapshot = state.current();
        search.index(snapshot);
        return snapshot;
    }

    @Test
    void theServedReleasesIndexIsStoredOnceInTheCurrentFormat() throws SQLException, IOException {
        CorpusSnapshot snapshot = served();
        assertThat(storedReleases()).containsExactly(snapshot.releaseId() + " " + SearchIndex.FORMAT);
        Map<String, byte[]> files = stored.read(snapshot.releaseId(), SearchIndex.FORMAT).orElseThrow();
        assertThat(files.keySet()).anyMatch(name -> name.startsWith(SearchIndex.INDEX_FILES))
                .anyMatch(name -> name.startsWith(Suggester.TITLE_FILES))
                .anyMatch(name -> name.startsWith(Suggester.HEADING_FILES));
        assertThat(SearchIndex.open(snapshot, files).essayCount()).isEqualTo(snapshot.essays().size());
    }

    @Test
    void anIndexOpenedFromItsFilesAnswersEverySearchAndSuggestionAsTheBuiltOne() throws IOException {
        CorpusSnapshot snapshot = served();
        SearchIndex built = SearchIndex.build(snapshot);
        SearchIndex opened = SearchIndex.open(snapshot, built.files());
        assertThat(opened.bytes()).isEqualTo(built.bytes());
        int found = 0;
        for (String q : queries(snapshot)) {
            SearchResults expected = search.search(built, search.request(built, q, null, null, null, "50"));
            assertThat(search.search(opened, search.request(opened, q, null, null, null, "50"))).as(q).isEqualTo(expected);
            found += expected.items().size();
            String typed = search.suggestQuery(q.substring(0, Math.min(q.length(), 4)));
            assertThat(search.suggest(opened, typed)).as(typed).isEqualTo(search.suggest(built, typed));
        }
        assertThat(found).as("the queries find something").isGreaterThan(0);
    }

    @Test
    void noSegmentMixesEssaysAndSectionsSoThatEveryFieldsNormsAreDenseWhereItIs() throws IOException {
        SearchIndex built = SearchIndex.build(served());
        int essays = 0;
        int sections = 0;
        for (LeafReaderContext leaf : built.reader().leaves()) {
            int essaysHere = leaf.reader().docFreq(new Term(SearchIndex.KIND, SearchIndex.ESSAY));
            int sectionsHere = leaf.reader().docFreq(new Term(SearchIndex.KIND, SearchIndex.SECTION));
            assertThat(essaysHere == 0 || sectionsHere == 0).as("segment %s", leaf.reader()).isTrue();
            essays += essaysHere;
            sections += sectionsHere;
        }
        assertThat(essays).isEqualTo(built.essayCount());
        assertThat(sections).isEqualTo(built.sectionTotal()).isGreaterThan(essays);
    }

    @Test
    void aDamagedFileIsRejectedWhenOpened() {
        CorpusSnapshot snapshot = served();
        Map<String, byte[]> files = new TreeMap<>(SearchIndex.build(snapshot).files());
        String largest = files.entrySet().stream()
                .filter(f -> f.getKey().startsWith(SearchIndex.INDEX_FILES))
                .max(Comparator.comparingInt(f -> f.getValue().length)).orElseThrow().getKey();
        byte[] damaged = files.get(largest).clone();
        damaged[damaged.length / 2] ^= 0x5a;
        files.put(largest, damaged);
        assertThatThrownBy(() -> SearchIndex.open(snapshot, files)).isInstanceOf(IOException.class);
    }

    @Test
    void theIndexOfAnotherSnapshotIsRejectedWhenOpened() {
        Map<String, byte[]> files = SearchIndex.build(served()).files();
        var empty = new CorpusSnapshot(99, "other", Instant.EPOCH, List.of(), List.of(), Map.of(), Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), 1024);
        assertThatThrownBy(() -> SearchIndex.open(empty, files)).isInstanceOf(CorruptIndexException.class)
                .hasMessageContaining("not the 0 of release 99");
    }

    @Test
    void aStoredIndexThatCannotBeOpenedIsBuiltAgainAndReplaced() throws SQLException, IOException {
        CorpusSnapshot snapshot = served();
        long release = snapshot.releaseId();
        Map<String, byte[]> good = stored.read(release, SearchIndex.FORMAT).orElseThrow();
        var damaged = new TreeMap<String, byte[]>();
        good.forEach((name, bytes) -> damaged.put(name, new byte[bytes.length]));
        assertThat(stored.write(release, SearchIndex.FORMAT, damaged, true)).isTrue();

        SearchIndex loaded = search.load(snapshot);

        assertThat(loaded.essayCount()).isEqualTo(snapshot.essays().size());
        Map<String, byte[]> replaced = stored.read(release, SearchIndex.FORMAT).orElseThrow();
        assertThat(replaced.keySet()).isEqualTo(loaded.files().keySet());
        assertThat(SearchIndex.open(snapshot, replaced).essayCount()).isEqualTo(snapshot.essays().size());
        assertThat(storedReleases()).containsExactly(release + " " + SearchIndex.FORMAT);
    }

    @Test
    void anIndexOfAnotherFormatIsNeverReadAndIsReplacedOnTheNextLoad() throws SQLException {
        CorpusSnapshot snapshot = served();
        long release = snapshot.releaseId();
        Map<String, byte[]> files = stored.read(release, SearchIndex.FORMAT).orElseThrow();
        assertThat(stored.write(release, "lucene-8.0.0/0000000000000000", files, false)).isTrue();
        assertThat(stored.read(release, SearchIndex.FORMAT)).isEmpty();

        search.load(snapshot);

        assertThat(storedReleases()).containsExactly(release + " " + SearchIndex.FORMAT);
    }

    @Test
    void onlyTheNewestReleaseIsStoredAndAStoredIndexIsNotWrittenTwice() {
        CorpusSnapshot snapshot = served();
        Map<String, byte[]> files = stored.read(snapshot.releaseId(), SearchIndex.FORMAT).orElseThrow();
        assertThat(stored.write(snapshot.releaseId() - 1, SearchIndex.FORMAT, files, true)).isFalse();
        assertThat(stored.write(snapshot.releaseId() + 1, SearchIndex.FORMAT, files, true)).isFalse();
        assertThat(stored.write(snapshot.releaseId(), SearchIndex.FORMAT, files, false)).isFalse();
    }

    @Test
    void theFormatNamesTheLuceneVersionAndDependsOnTheIndexingCode() {
        assertThat(SearchIndex.FORMAT).matches("lucene-9\\.\\d+\\.\\d+/[0-9a-f]{16}");
        assertThat(IndexFormat.of(SearchIndex.class, SearchAnalyzers.class, SpellingVariantsFilter.class,
                TexBlanking.class, Suggester.class)).isEqualTo(SearchIndex.FORMAT);
        assertThat(IndexFormat.of(SearchIndex.class, SearchAnalyzers.class, SpellingVariantsFilter.class))
                .isNotEqualTo(SearchIndex.FORMAT);
    }

    /** A word from each essay's title and summary, as typed: queries whose answers differ from one essay to the next. */
    private static List<String> queries(CorpusSnapshot snapshot) {
        var queries = new ArrayList<String>();
        for (EssayData essay : snapshot.essays()) {
            for (String text : List.of(essay.title(), essay.summary())) {
                for (String word : text.split("[^\\p{L}]+")) {
                    if (word.length() >= 5) {
                        queries.add(word.toLowerCase(Locale.ROOT));
                        break;
                    }
                }
            }
        }
        queries.add("softmax temprature");
        return queries;
    }

    /** "release format" of every stored index. */
    private List<String> storedReleases() throws SQLException {
        var found = new ArrayList<String>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT DISTINCT release_id, format FROM search_index_file ORDER BY release_id, format");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getLong(1) + " " + rs.getString(2));
            }
        }
        return found;
    }
}
