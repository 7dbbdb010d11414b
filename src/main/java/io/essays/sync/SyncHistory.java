package io.essays.sync;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.essays.ImportLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sync history in the database (migration V5): the deployment id, and for each recent release a content hash of
 * every item. It is what makes a token work on any replica and after restarts; each replica keeps only the current
 * release's hashes in memory ({@link SyncIndex}).
 */
@ApplicationScoped
class SyncHistory {
    private static final Logger LOG = Logger.getLogger(SyncHistory.class);
    private static final int BATCH = 1000;

    private final DataSource dataSource;
    private volatile String deployment;

    SyncHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** This deployment's id, created by the first replica that asks. */
    String deployment() {
        String id = deployment;
        if (id == null) {
            id = QuarkusTransaction.requiringNew().call(this::readOrCreateDeployment);
            deployment = id;
        }
        return id;
    }

    private String readOrCreateDeployment() {
        try (Connection c = dataSource.getConnection()) {
            // once written the id never changes: reading it needs no lock, so a replica that starts while another
            // writes a release (or holds the lock, hung) is not kept from serving until that transaction ends
            Optional<String> existing = readDeployment(c);
            if (existing.isPresent()) {
                return existing.get();
            }
            lockImports(c);
            existing = readDeployment(c);
            if (existing.isPresent()) {
                return existing.get();
            }
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO sync_deployment (id, deployment) VALUES (1, ?)")) {
                insert.setString(1, id);
                insert.executeUpdate();
            }
            return readDeployment(c).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read or create the sync deployment id", e);
        }
    }

    /** Takes the row lock every import takes (V1), so that replicas write the history one at a time. */
    private static void lockImports(Connection c) throws SQLException {
        ImportLock.take(c);
    }

    private static Optional<String> readDeployment(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT deployment FROM sync_deployment WHERE id = 1");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /**
     * Records the item hashes of {@code release} unless a replica already did, and forgets releases that fell out of
     * the newest {@code retained}. Serialized with imports by the import lock, so two replicas loading one release
     * write it once.
     */
    void record(long release, Map<ItemKey, String> hashes, int retained) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                lockImports(c);
                if (!recorded(c, release)) {
                    try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO sync_release (release_id, item_count) VALUES (?, ?)")) {
                        insert.setLong(1, release);
                        insert.setInt(2, hashes.size());
                        insert.executeUpdate();
                    }
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO sync_item "
                            + "(release_id, item_type, item_key, content_hash) VALUES (?, ?, ?, ?)")) {
                        int pending = 0;
                        for (var item : hashes.entrySet()) {
                            insert.setLong(1, release);
                            insert.setString(2, item.getKey().type().wire());
                            insert.setString(3, item.getKey().key());
                            insert.setString(4, item.getValue());
                            insert.addBatch();
                            if (++pending % BATCH == 0) {
                                insert.executeBatch();
                            }
                        }
                        insert.executeBatch();
                    }
                    LOG.debugf("Recorded %d sync item hashes of release %d", hashes.size(), release);
                }
                long oldest = release - retained + 1;
                for (String table : new String[] {"sync_item", "sync_release"}) {
                    try (PreparedStatement prune = c.prepareStatement("DELETE FROM " + table + " WHERE release_id < ?")) {
                        prune.setLong(1, oldest);
                        prune.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot record the sync hashes of release " + release, e);
            }
        });
    }

    private static boolean recorded(Connection c, long release) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM sync_release WHERE release_id = ?")) {
            select.setLong(1, release);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The item hashes of {@code release}, or empty when it is not (or no longer) recorded. */
    Optional<Map<ItemKey, String>> hashes(long release) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!recorded(c, release)) {
                    return Optional.empty();
                }
                var hashes = new HashMap<ItemKey, String>();
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT item_type, item_key, content_hash FROM sync_item WHERE release_id = ?")) {
                    select.setLong(1, release);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            hashes.put(new ItemKey(ItemKey.Type.ofWire(rs.getString(1)), rs.getString(2)), rs.getString(3));
                        }
                    }
                }
                return Optional.of(hashes);
            }
        });
    }

    /** Whether {@code release}'s hashes are recorded: a token for it can be answered. */
    boolean retained(long release) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return recorded(c, release);
            }
        });
    }

    /** For each item recorded in a release from {@code from} on, the newest release that has it. */
    Map<ItemKey, Long> lastRecorded(long from) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            var last = new HashMap<ItemKey, Long>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement select = c.prepareStatement("SELECT item_type, item_key, MAX(release_id) FROM sync_item "
                         + "WHERE release_id >= ? GROUP BY item_type, item_key")) {
                select.setLong(1, from);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        last.put(new ItemKey(ItemKey.Type.ofWire(rs.getString(1)), rs.getString(2)), rs.getLong(3));
                    }
                }
            }
            return last;
        });
    }
}
