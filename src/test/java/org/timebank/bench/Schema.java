package org.timebank.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * The migrated schema's secondary indexes and constraints, taken off for the bulk load and put
 * back, with their own names and definitions, afterwards: building an index once is far cheaper
 * than maintaining it row by row, and re-adding a constraint makes PostgreSQL validate every row
 * (foreign keys, uniqueness, the hour claims' no-overlap exclusion) as it would have on insert.
 * Primary keys stay: rows arrive in key order, so they are appended to.
 */
final class Schema {
    interface Timing {
        void done(String what, double seconds);
    }

    private record Item(String label, String create) {}

    private final List<Item> indexes = new ArrayList<>();
    private final List<Item> foreignKeys = new ArrayList<>();

    /** Drops every foreign key of the schema (truncating a referenced table needs that), then the loaded tables' other indexes. */
    static Schema dropForLoad(Connection c, List<String> tables) throws SQLException {
        Schema schema = new Schema();
        for (String t : tables) {
            // the load truncates these tables; only the system accounts are carried over (Journal)
            if (!t.equals("account") && DatasetGenerator.scalar(c, "select count(*) from " + t, r -> r.getLong(1)) > 0) {
                throw new IllegalStateException("the migrations put rows in " + t + "; the load would lose them");
            }
        }
        String in = "('" + String.join("', '", tables) + "')";
        List<String> drops = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                    + "from pg_constraint where connamespace = 'public'::regnamespace and contype = 'f' order by oid")) {
                while (r.next()) {
                    schema.foreignKeys.add(new Item(r.getString(1) + "." + r.getString(2),
                            "alter table " + r.getString(1) + " add constraint " + r.getString(2) + " " + r.getString(3)));
                    drops.add("alter table " + r.getString(1) + " drop constraint " + r.getString(2));
                }
            }
            // unique and exclusion constraints, then plain indexes
            try (ResultSet r = s.executeQuery("select conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                    + "from pg_constraint where connamespace = 'public'::regnamespace and contype in ('u', 'x') "
                    + "and conrelid::regclass::text in " + in + " order by oid")) {
                while (r.next()) {
                    schema.indexes.add(new Item(r.getString(1) + "." + r.getString(2),
                            "alter table " + r.getString(1) + " add constraint " + r.getString(2) + " " + r.getString(3)));
                    drops.add("alter table " + r.getString(1) + " drop constraint " + r.getString(2));
                }
            }
            try (ResultSet r = s.executeQuery("select t.relname, i.relname, pg_get_indexdef(x.indexrelid) from pg_index x "
                    + "join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid "
                    + "where t.relnamespace = 'public'::regnamespace and t.relname in " + in
                    + " and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid) order by x.indexrelid")) {
                while (r.next()) {
                    schema.indexes.add(new Item(r.getString(1) + "." + r.getString(2), r.getString(3)));
                    drops.add("drop index " + r.getString(2));
                }
            }
            for (String d : drops) {
                s.execute(d);
            }
        }
        return schema;
    }

    /**
     * Rebuilds the indexes and constraints, then the foreign keys (each validated by PostgreSQL), on
     * two connections: one takes the hour claims (their GiST exclusion constraint is the longest
     * build, and it locks the table), the other everything else, largest first.
     */
    void restore(Connector connector, Timing timing) throws Exception {
        Predicate<Item> claims = i -> i.label().startsWith("hour_claim.");
        List<Item> first = new ArrayList<>(indexes.stream().filter(claims).sorted(Comparator.comparingInt(Schema::cost)).toList());
        first.addAll(foreignKeys.stream().filter(claims).toList());
        List<Item> second = new ArrayList<>(indexes.stream().filter(claims.negate()).sorted(Comparator.comparingInt(Schema::cost)).toList());
        second.addAll(foreignKeys.stream().filter(claims.negate()).toList());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (List<Item> items : List.of(first, second)) {
                workers.add(pool.submit(() -> {
                    try (Connection c = connector.connect(); Statement s = c.createStatement()) {
                        s.execute("set maintenance_work_mem = '1GB'");
                        s.execute("set work_mem = '512MB'");
                        s.execute("set max_parallel_maintenance_workers = 0");
                        for (Item i : items) {
                            long t = System.nanoTime();
                            s.execute(i.create());
                            double seconds = (System.nanoTime() - t) / 1e9;
                            if (seconds >= 0.5) {
                                timing.done(i.label(), seconds);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    interface Connector {
        Connection connect() throws SQLException;
    }

    /** The longest builds first: GiST, then the tables with the most rows. */
    private static int cost(Item i) {
        return i.create().contains("gist") ? 0 : i.label().startsWith("posting.") ? 1
                : i.label().startsWith("account.") ? 2 : i.label().startsWith("journal") ? 3 : 4;
    }

    /** Identity sequences continue after the largest id written (the load gave ids explicitly). */
    static String resetSequences(Connection c) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select table_name, column_name from information_schema.columns "
                     + "where table_schema = 'public' and is_identity = 'YES' order by table_name")) {
            while (r.next()) {
                columns.add(r.getString(1) + "." + r.getString(2));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String tc : columns) {
                String[] p = tc.split("\\.");
                s.execute("select setval(pg_get_serial_sequence('" + p[0] + "', '" + p[1] + "'), "
                        + "coalesce((select max(" + p[1] + ") from " + p[0] + "), 0) + 1, false)");
            }
        }
        return columns.size() + " identity sequences set";
    }
}
