package org.timebank.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The project's one way to speak SQL, on the connection of the current transaction (the one
 * Hibernate uses): a statement and its positional arguments, bound by their Java type, and rows read
 * by a {@link Row} mapper.
 * <ul>
 * <li>{@code null} binds as an untyped null; where PostgreSQL needs the type, pass {@link #nullOf}
 * (or write a cast in the SQL);</li>
 * <li>an {@link Instant} binds as a {@code timestamptz}, an enum as its name, a {@code Long[]},
 * {@code Integer[]}, {@code Short[]} or {@code String[]} as an array, any {@link Collection} of those
 * elements likewise ({@link #bigints} and friends name the type of an empty one).</li>
 * </ul>
 * <b>Deferred writes.</b> A write whose outcome nobody waits for (an UPDATE of a row the caller has
 * locked, an INSERT of a record) can be {@link #defer deferred}: it travels with the transaction's
 * next statement, in the same round trip, or is sent when the transaction ends ({@link Tx} sends it
 * before committing; a transaction that ends otherwise sends it before completion). A deferred
 * statement's failure surfaces there, and the transaction rolls back whole, as it would have. So that
 * writes keep their program order, Hibernate's pending changes are flushed before any statement
 * goes out; a Hibernate query does not see deferred writes, so code that defers reads back through
 * this class.
 * <p><b>Plans.</b> The service's connections keep one generic plan per prepared statement
 * (application.properties, {@code plan_cache_mode}), so a plan cannot depend on an argument's
 * value. Where the best plan does, say the value in the text: a LIMIT is written into the statement
 * (an int, never user text: a bound LIMIT is planned as a tenth of the rows, which at city scale
 * chose a parallel plan for a top-50), a rare status as a literal enum name, a prefix as a range.
 */
@ApplicationScoped
public class Sql {
    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry registry;

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet r) throws SQLException;
    }

    /** An argument with its SQL type: a typed null, or an array of that element type. */
    public record Typed(Object value, int sqlType, String arrayType) {}

    private record Statement(String sql, Object[] args) {}

    private static final String PENDING = Sql.class.getName() + ".pending";

    /** A null PostgreSQL can type: {@code nullOf(Types.BIGINT)}. */
    public static Typed nullOf(int sqlType) {
        return new Typed(null, sqlType, null);
    }

    /** The value, or a null of this type. */
    public static Object nullOr(Object value, int sqlType) {
        return value == null ? nullOf(sqlType) : value;
    }

    /** A {@code bigint} that may be null. */
    public static Object bigint(Long value) {
        return value == null ? nullOf(Types.BIGINT) : value;
    }

    /** An {@code integer} that may be null. */
    public static Object integer(Integer value) {
        return value == null ? nullOf(Types.INTEGER) : value;
    }

    /** A {@code bigint[]}. */
    public static Typed bigints(Collection<Long> values) {
        return new Typed(values.toArray(Long[]::new), Types.ARRAY, "bigint");
    }

    /** A {@code smallint[]}. */
    public static Typed smallints(Collection<Short> values) {
        return new Typed(values.toArray(Short[]::new), Types.ARRAY, "smallint");
    }

    /** A {@code boolean[]}. */
    public static Typed booleans(Boolean[] values) {
        return new Typed(values, Types.ARRAY, "boolean");
    }

    /** A {@code text[]}. */
    public static Typed texts(Collection<String> values) {
        return new Typed(values.toArray(String[]::new), Types.ARRAY, "text");
    }

    /** Every row the query returns (after the deferred writes, in the same round trip). */
    public <T> List<T> list(String sql, Row<T> row, Object... args) {
        List<T> out = new ArrayList<>();
        run(new Statement(sql, args), s -> {
            if (s.getResultSet() == null) {
                throw new IllegalStateException("not a query: " + sql);
            }
            try (ResultSet r = s.getResultSet()) {
                while (r.next()) {
                    out.add(row.map(r));
                }
            }
            return 0;
        });
        return out;
    }

    /** The first row, if any. */
    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        List<T> rows = list(sql, row, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The first row, which the query always returns (a function call, an aggregate, a RETURNING of an INSERT). */
    public <T> T single(String sql, Row<T> row, Object... args) {
        return one(sql, row, args).orElseThrow(() -> new IllegalStateException("no row from " + sql));
    }

    /** Runs a write now; the number of rows it touched. */
    public int update(String sql, Object... args) {
        return run(new Statement(sql, args), PreparedStatement::getUpdateCount);
    }

    /**
     * Queues a write to go with the transaction's next statement or its end; requires a transaction.
     * For writes whose failure may roll back the whole transaction and whose result nobody reads.
     */
    public void defer(String sql, Object... args) {
        if (registry.getTransactionKey() == null) {
            throw new IllegalStateException("a deferred write needs a transaction");
        }
        pending(true).add(new Statement(sql, args));
    }

    /** Sends the deferred writes now (one round trip), if there are any. */
    public void flush() {
        if (registry.getTransactionKey() == null) {
            return;
        }
        List<Statement> pending = pending(false);
        if (pending != null && !pending.isEmpty()) {
            run(null, s -> 0);
        }
    }

    @FunctionalInterface
    private interface Result<T> {
        T read(PreparedStatement s) throws SQLException;
    }

    /** Runs the deferred writes and then {@code last} (if any) as one multi-statement round trip. */
    private <T> T run(Statement last, Result<T> result) {
        List<Statement> batch = new ArrayList<>();
        List<Statement> pending = registry.getTransactionKey() == null ? null : pending(false);
        if (pending != null) {
            batch.addAll(pending);
            pending.clear();
        }
        if (last != null) {
            batch.add(last);
        }
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        Session session = em.unwrap(Session.class);
        return session.doReturningWork(c -> execute(c, batch, last != null, result));
    }

    private static <T> T execute(Connection c, List<Statement> batch, boolean hasLast, Result<T> result)
            throws SQLException {
        StringBuilder text = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (Statement s : batch) {
            if (!text.isEmpty()) {
                text.append(";\n");
            }
            text.append(s.sql());
            args.addAll(Arrays.asList(s.args()));
        }
        try (PreparedStatement s = c.prepareStatement(text.toString())) {
            for (int i = 0; i < args.size(); i++) {
                bind(c, s, i + 1, args.get(i));
            }
            boolean isQuery = s.execute();
            // one result per statement, in order: the deferred writes' come first and are skipped
            for (int index = 0; ; index++) {
                if (index == batch.size() - 1 && hasLast) {
                    return result.read(s);
                }
                if (!isQuery && s.getUpdateCount() == -1) {
                    return null;
                }
                isQuery = s.getMoreResults();
            }
        }
    }

    private static void bind(Connection c, PreparedStatement s, int i, Object v) throws SQLException {
        if (v instanceof Typed t) {
            if (t.arrayType() != null) {
                s.setArray(i, c.createArrayOf(t.arrayType(), (Object[]) t.value()));
            } else if (t.value() == null) {
                s.setNull(i, t.sqlType());
            } else {
                s.setObject(i, t.value(), t.sqlType());
            }
        } else if (v instanceof Long[] a) {
            s.setArray(i, c.createArrayOf("bigint", a));
        } else if (v instanceof Integer[] a) {
            s.setArray(i, c.createArrayOf("integer", a));
        } else if (v instanceof Short[] a) {
            s.setArray(i, c.createArrayOf("smallint", a));
        } else if (v instanceof String[] a) {
            s.setArray(i, c.createArrayOf("text", a));
        } else if (v instanceof Instant t) {
            s.setObject(i, t.atOffset(ZoneOffset.UTC));
        } else if (v instanceof Enum<?> e) {
            s.setString(i, e.name());
        } else {
            s.setObject(i, v);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Statement> pending(boolean create) {
        List<Statement> pending = (List<Statement>) registry.getResource(PENDING);
        if (pending == null && create) {
            // the transaction's Hibernate session joins it now: it cannot join in beforeCompletion,
            // where the writes may be sent through it
            em.getFlushMode();
            List<Statement> fresh = new ArrayList<>();
            registry.putResource(PENDING, fresh);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (!fresh.isEmpty() && registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        flush();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    fresh.clear();
                }
            });
            pending = fresh;
        }
        return pending;
    }
}
