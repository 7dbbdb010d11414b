package io.essays.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.essays.corpus.CorpusSnapshot.RelatedData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * V11 moves the related essays of a release written before it (one {@code essay_related} row per related essay) into
 * one {@code essay_related_list} row per essay, so that the release still loads as it did: on H2 and on PostgreSQL.
 */
class RelatedListMigrationTest {
    private static final Map<String, List<RelatedData>> EXPECTED = Map.of(
            "alpha", List.of(new RelatedData("alpha", 1, "beta", 7.5, "links-to|linked-from|shared-tags:x|same-series:s"),
                    new RelatedData("alpha", 2, "gamma", 0.5, "same-series:s"),
                    new RelatedData("alpha", 3, "delta", 1.0E-5, "")),
            "beta", List.of(new RelatedData("beta", 1, "alpha", 7.5, "links-to|linked-from|shared-tags:x|same-series:s")),
            "gamma", List.of(new RelatedData("gamma", 1, "alpha", 13, "co-cited-by:a,b|both-link-to:c")));

    @Test
    void relatedRowsOfAnH2ReleaseBecomeOneListPerEssay() throws SQLException {
        String url = "jdbc:h2:mem:related-migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        assertThat(migrate(url, "sa", "")).isEqualTo(EXPECTED);
    }

    @Test
    void relatedRowsOfAPostgresReleaseBecomeOneListPerEssay() throws SQLException, IOException {
        try (var postgres = EmbeddedPostgres.builder().start()) {
            assertThat(migrate(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")).isEqualTo(EXPECTED);
        }
    }

    /** Migrates to V9 (the last migration before V11 on this branch), stores a release's related rows as the writer did then, migrates on and reads the lists. */
    private static Map<String, List<RelatedData>> migrate(String url, String user, String password) throws SQLException {
        Flyway.configure().dataSource(url, user, password).target("9").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
            s.execute("INSERT INTO series (slug, title, description, position) VALUES ('s', 'S', '', 1)");
            List<String> slugs = List.of("alpha", "beta", "gamma", "delta");
            for (int i = 0; i < slugs.size(); i++) {
                s.execute("INSERT INTO essay (slug, series_slug, position, title, summary, published, word_count, "
                        + "reading_minutes, source, html, plain_text, lead_text) VALUES ('" + slugs.get(i) + "', 's', "
                        + i + ", '" + slugs.get(i) + "', '', DATE '2026-01-01', 1, 1, '', '', '', '')");
            }
            // not in rank order, as nothing kept them in order on disk
            s.execute("INSERT INTO essay_related (essay_slug, rank, related_slug, score, reasons) VALUES "
                    + "('alpha', 3, 'delta', 1.0E-5, ''), "
                    + "('gamma', 1, 'alpha', 13, 'co-cited-by:a,b|both-link-to:c'), "
                    + "('alpha', 1, 'beta', 7.5, 'links-to|linked-from|shared-tags:x|same-series:s'), "
                    + "('beta', 1, 'alpha', 7.5, 'links-to|linked-from|shared-tags:x|same-series:s'), "
                    + "('alpha', 2, 'gamma', 0.5, 'same-series:s')");
        }
        Flyway.configure().dataSource(url, user, password).load().migrate();
        var lists = new TreeMap<String, List<RelatedData>>();
        try (Connection c = DriverManager.getConnection(url, user, password); var s = c.createStatement();
             var rs = s.executeQuery("SELECT essay_slug, entries FROM essay_related_list")) {
            while (rs.next()) {
                lists.put(rs.getString(1), RelatedEntries.decode(rs.getString(1), rs.getString(2), v -> v));
            }
            assertThat(c.getMetaData().getTables(null, null, "%", null)).satisfies(tables -> {
                while (tables.next()) {
                    assertThat(tables.getString("TABLE_NAME")).isNotEqualToIgnoringCase("essay_related");
                }
            });
        }
        return lists;
    }
}
