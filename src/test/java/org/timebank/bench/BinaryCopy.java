package org.timebank.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams the rows of one table into PostgreSQL with {@code COPY ... (FORMAT binary, FREEZE)} on
 * its own connection and transaction. The table is truncated in that transaction, which is what
 * lets COPY write the rows frozen and all-visible (no hint-bit rewrite, no VACUUM pass over the
 * heap afterwards). Triggers, foreign keys included, do not fire: the connection runs with
 * {@code session_replication_role = replica}; CHECK and NOT NULL constraints still apply.
 *
 * <p>The caller fills a buffer row by row; full buffers go to a writer thread, so generating rows
 * and PostgreSQL parsing them overlap. Not thread-safe: one producer per table.
 */
final class BinaryCopy implements AutoCloseable {
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in Unix microseconds. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final int CHUNK = 1 << 20;
    private static final byte[] POISON = new byte[0];

    final String table;
    private final Connection connection;
    private final CopyIn copy;
    private final BlockingQueue<byte[]> full = new ArrayBlockingQueue<>(6);
    private final Thread writer;
    private volatile Throwable failure;
    private byte[] buf = new byte[CHUNK + 64 * 1024];
    /** The first 4 bytes of every buffer hold the length of its payload for the writer thread. */
    private int pos = 4;
    private long rows;

    BinaryCopy(Connection connection, String table, String columns) throws SQLException {
        this.table = table;
        this.connection = connection;
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute("set synchronous_commit = off");
            s.execute("truncate table " + table);
        }
        copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin with (format binary, freeze)");
        put(HEADER, 0, HEADER.length);
        writer = new Thread(this::drain, "copy-" + table);
        writer.setDaemon(true);
        writer.start();
    }

    private void drain() {
        try {
            while (true) {
                byte[] chunk = full.take();
                if (chunk == POISON) {
                    return;
                }
                copy.writeToCopy(chunk, 4, readInt(chunk));
            }
        } catch (Throwable t) {
            failure = t;
            full.clear();
        }
    }

    long rows() {
        return rows;
    }

    /** Starts a row of {@code fields} columns; the caller then writes exactly that many values. */
    BinaryCopy row(int fields) {
        if (pos >= CHUNK) {
            handOff();
        }
        rows++;
        ensure(2);
        putShort(fields);
        return this;
    }

    BinaryCopy int8(long v) {
        ensure(12);
        putInt(8);
        putLong(v);
        return this;
    }

    BinaryCopy int8(Long v) {
        return v == null ? nul() : int8(v.longValue());
    }

    BinaryCopy int4(int v) {
        ensure(8);
        putInt(4);
        putInt(v);
        return this;
    }

    BinaryCopy int4(Integer v) {
        return v == null ? nul() : int4(v.intValue());
    }

    BinaryCopy int2(int v) {
        ensure(6);
        putInt(2);
        putShort(v);
        return this;
    }

    BinaryCopy bool(boolean v) {
        ensure(5);
        putInt(1);
        buf[pos++] = (byte) (v ? 1 : 0);
        return this;
    }

    /** A timestamptz, given in Unix epoch microseconds. */
    BinaryCopy timestamp(long epochMicros) {
        return int8(epochMicros - PG_EPOCH_MICROS);
    }

    BinaryCopy text(String s) {
        return s == null ? nul() : bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Raw bytes: a bytea, or a text already encoded as UTF-8. */
    BinaryCopy bytes(byte[] b) {
        if (b == null) {
            return nul();
        }
        ensure(4 + b.length);
        putInt(b.length);
        put(b, 0, b.length);
        return this;
    }

    BinaryCopy nul() {
        ensure(4);
        putInt(-1);
        return this;
    }

    /** Ends the stream and commits the table's transaction. */
    void finish() throws SQLException {
        ensure(2);
        putShort(-1);
        handOff();
        put(POISON);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        checkFailure();
        copy.endCopy();
        connection.commit();
        connection.close();
    }

    @Override
    public void close() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // closing after a failure: the transaction rolls back with the connection
        }
        writer.interrupt();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already broken
        }
    }

    private void handOff() {
        checkFailure();
        byte[] chunk = buf;
        writeInt(chunk, 0, pos - 4);
        put(chunk);
        buf = new byte[CHUNK + 64 * 1024];
        pos = 4;
    }

    private void put(byte[] chunk) {
        try {
            while (!full.offer(chunk, 1, TimeUnit.SECONDS)) {
                checkFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void checkFailure() {
        if (failure != null) {
            throw new IllegalStateException("COPY into " + table + " failed: " + failure.getMessage(), failure);
        }
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, pos + n)];
            System.arraycopy(buf, 0, bigger, 0, pos);
            buf = bigger;
        }
    }

    private void put(byte[] b, int off, int len) {
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    private void putShort(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void putInt(int v) {
        writeInt(buf, pos, v);
        pos += 4;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int readInt(byte[] b) {
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }
}
