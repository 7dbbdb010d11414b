package io.essays.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.essays.ImportLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The search index files of the newest release in the database (migration V10): written once by the replica that
 * builds them, read by every later start and every other replica, so that only the first load of a release analyses the
 * corpus. Files are stored in chunks of {@link #CHUNK} bytes, tagged with the {@link SearchIndex#FORMAT} that wrote
 * them; files of another format (another Lucene, other indexing code) are never read.
 */
@ApplicationScoped
class StoredSearchIndex {
    private static final Logger LOG = Logger.getLogger(StoredSearchIndex.class);
    static final int CHUNK = 1 << 20;

    private final DataSource dataSource;

    StoredSearchIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The files of {@code release}'s index written in {@code format}, by name; empty when there are none. The chunks'
     * sizes are read first and then each chunk by its key, so that every file is read straight into one array of its
     * size, and so that H2, which keeps a statement's last result in its session's query cache, is left holding one
     * chunk rather than the whole index (71 MB of a 10,000-essay corpus stayed reachable that way).
     */
    Optional<Map<String, byte[]>> read(long release, String format) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                var sizes = new TreeMap<String, List<Integer>>();
                try (PreparedStatement select = c.prepareStatement("SELECT name, chunk, OCTET_LENGTH(content) "
                        + "FROM search_index_file WHERE release_id = ? AND format = ? ORDER BY name, chunk")) {
                    select.setLong(1, release);
                    select.setString(2, format);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            List<Integer> chunks = sizes.computeIfAbsent(rs.getString(1), name -> new ArrayList<>());
                            if (rs.getInt(2) != chunks.size()) {
                                throw new IllegalStateException("stored search index file " + rs.getString(1)
                                        + ": chunk " + chunks.size() + " is missing");
                            }
                            chunks.add(rs.getInt(3));
                        }
                    }
                }
                var files = new TreeMap<String, byte[]>();
                try (PreparedStatement select = c.prepareStatement("SELECT content FROM search_index_file "
                        + "WHERE release_id = ? AND name = ? AND chunk = ?")) {
                    select.setLong(1, release);
                    for (var file : sizes.entrySet()) {
                        byte[] bytes = new byte[file.getValue().stream().mapToInt(Integer::intValue).sum()];
                        int offset = 0;
                        select.setString(2, file.getKey());
                        for (int chunk = 0; chunk < file.getValue().size(); chunk++) {
                            select.setInt(3, chunk);
                            try (ResultSet rs = select.executeQuery()) {
                                if (!rs.next()) {
                                    throw new IllegalStateException("stored search index file " + file.getKey()
                                            + ": chunk " + chunk + " disappeared while it was read");
                                }
                                byte[] content = rs.getBytes(1);
                                System.arraycopy(content, 0, bytes, offset, content.length);
                                offset += content.length;
                            }
                        }
                        files.put(file.getKey(), bytes);
                    }
                }
                return files.isEmpty() ? Optional.<Map<String, byte[]>>empty() : Optional.<Map<String, byte[]>>of(files);
            }
        });
    }

    /**
     * Stores {@code files} as {@code release}'s index unless the release is no longer the newest, or a replica already
     * stored it in this format and {@code replace} is false (it is true when the stored files proved unusable); replaces
     * whatever else is stored (older releases, other formats). Serialized with imports and other replicas by the
     * import lock (V1). Returns whether the files were written.
     */
    boolean write(long release, String format, Map<String, byte[]> files, boolean replace) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                ImportLock.take(c);
                if (release != newest(c) || !replace && stored(c, release, format)) {
                    return false;
                }
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM search_index_file")) {
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO search_index_file "
                        + "(release_id, format, name, chunk, content) VALUES (?, ?, ?, ?, ?)")) {
                    for (var file : files.entrySet()) {
                        byte[] bytes = file.getValue();
                        int chunk = 0;
                        for (int from = 0; from < bytes.length || from == 0; from += CHUNK) {
                            insert.setLong(1, release);
                            insert.setString(2, format);
                            insert.setString(3, file.getKey());
                            insert.setInt(4, chunk++);
                            insert.setBytes(5, Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK)));
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
                LOG.debugf("Stored the search index of release %d: %d files", release, files.size());
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store the search index of release " + release, e);
            }
        });
    }

    private static long newest(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT MAX(id) FROM corpus_release");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static boolean stored(Connection c, long release, String format) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM search_index_file WHERE release_id = ? AND format = ?")) {
            select.setLong(1, release);
            select.setString(2, format);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }
}
