package io.essays.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Appends rows to one table through a plain JDBC connection, bypassing the persistence context: the import writes tens
 * of thousands of rows it never reads back. On PostgreSQL rows go through {@code COPY ... FROM STDIN} (text format);
 * anywhere else through {@link PreparedStatement} batches. Values are {@link String}, {@link Integer},
 * {@link Double}, {@link LocalDate}, {@code byte[]} or null; {@link Column} says which, so that a null is typed on every database.
 * Call {@link #close()} to send what is buffered.
 */
abstract sealed class BulkRows implements AutoCloseable permits BulkRows.Batch, BulkRows.Copy {
    /** A column and its SQL type, one of {@link Types#VARCHAR}, {@link Types#INTEGER}, {@link Types#DOUBLE}, {@link Types#DATE},
     * {@link Types#VARBINARY}. */
    record Column(String name, int type) {
        static Column text(String name) {
            return new Column(name, Types.VARCHAR);
        }

        static Column integer(String name) {
            return new Column(name, Types.INTEGER);
        }

        static Column real(String name) {
            return new Column(name, Types.DOUBLE);
        }

        static Column date(String name) {
            return new Column(name, Types.DATE);
        }

        static Column bytes(String name) {
            return new Column(name, Types.VARBINARY);
        }
    }

    private static final Logger LOG = Logger.getLogger(BulkRows.class);

    final String table;
    final Column[] columns;
    private final long started = System.nanoTime();
    private long rows;

    private BulkRows(String table, Column[] columns) {
        this.table = table;
        this.columns = columns;
    }

    /** Rows for {@code table}, by COPY when {@code connection} is PostgreSQL's, else by batched inserts. */
    static BulkRows into(Connection connection, String table, Column... columns) throws SQLException {
        return connection.isWrapperFor(PGConnection.class)
                ? new Copy(connection.unwrap(PGConnection.class).getCopyAPI(), table, columns)
                : new Batch(connection, table, columns);
    }

    /** Appends one row; values in the order of the columns. */
    final void add(Object... values) throws SQLException {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.length + " columns");
        }
        append(values);
        rows++;
    }

    /** How many rows were added. */
    final long rows() {
        return rows;
    }

    abstract void append(Object[] values) throws SQLException;

    /** Sends what is buffered and releases the statement. */
    abstract void flush() throws SQLException;

    @Override
    public final void close() throws SQLException {
        flush();
        if (LOG.isDebugEnabled()) {
            LOG.debug("Wrote " + rows + " rows into " + table + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    final String columnList() {
        return Arrays.stream(columns).map(Column::name).collect(Collectors.joining(", "));
    }

    /** Batched {@code INSERT}s, sent every {@link #BATCH} rows. */
    static final class Batch extends BulkRows {
        private static final int BATCH = 500;
        private final PreparedStatement insert;
        private int pending;

        private Batch(Connection connection, String table, Column[] columns) throws SQLException {
            super(table, columns);
            String marks = String.join(", ", java.util.Collections.nCopies(columns.length, "?"));
            this.insert = connection.prepareStatement("INSERT INTO " + table + " (" + columnList() + ") VALUES (" + marks + ")");
        }

        @Override
        void append(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                int type = columns[i].type();
                if (v == null) {
                    insert.setNull(i + 1, type);
                } else if (type == Types.VARCHAR) {
                    insert.setString(i + 1, (String) v);
                } else if (type == Types.INTEGER) {
                    insert.setInt(i + 1, (Integer) v);
                } else if (type == Types.DOUBLE) {
                    insert.setDouble(i + 1, (Double) v);
                } else if (type == Types.VARBINARY) {
                    insert.setBytes(i + 1, (byte[]) v);
                } else {
                    insert.setObject(i + 1, v, type);
                }
            }
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        void flush() throws SQLException {
            try {
                if (pending > 0) {
                    insert.executeBatch();
                }
            } finally {
                insert.close();
            }
        }
    }

    /** PostgreSQL {@code COPY} in text format, sent every {@link #CHUNK} characters. */
    static final class Copy extends BulkRows {
        private static final int CHUNK = 8 << 20;
        private static final java.util.HexFormat HEX = java.util.HexFormat.of();
        private final CopyManager copy;
        private final String sql;
        private final StringBuilder buffer = new StringBuilder();

        private Copy(CopyManager copy, String table, Column[] columns) {
            super(table, columns);
            this.copy = copy;
            this.sql = "COPY " + table + " (" + columnList() + ") FROM STDIN";
        }

        @Override
        void append(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    buffer.append("\\N");
                } else if (v instanceof String s) {
                    escape(s, buffer);
                } else if (v instanceof byte[] b) {
                    // bytea's hex input, its backslash escaped for COPY
                    buffer.append("\\\\x").append(HEX.formatHex(b));
                } else {
                    buffer.append(v);
                }
            }
            buffer.append('\n');
            if (buffer.length() >= CHUNK) {
                send();
            }
        }

        private void send() throws SQLException {
            try {
                copy.copyIn(sql, new StringReader(buffer.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            buffer.setLength(0);
        }

        @Override
        void flush() throws SQLException {
            if (!buffer.isEmpty()) {
                send();
            }
        }
    }

    /** Escapes a value for COPY's text format: backslash, tab, newline and carriage return. */
    static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
