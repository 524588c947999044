package org.timebank.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
     * Rebuilds the indexes and constraints on two connections at once (the largest first), then the
     * foreign keys one by one (each validated by PostgreSQL).
     */
    void restore(Connector connector, Timing timing) throws Exception {
        java.util.concurrent.ConcurrentLinkedQueue<Item> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(
                indexes.stream().sorted(java.util.Comparator.comparingInt(Schema::cost)).toList());
        List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int w = 0; w < 2; w++) {
                workers.add(pool.submit(() -> {
                    try (Connection c = connector.connect(); Statement s = c.createStatement()) {
                        tune(s);
                        for (Item i = queue.poll(); i != null; i = queue.poll()) {
                            long t = System.nanoTime();
                            s.execute(i.create());
                            timing.done(i.label(), (System.nanoTime() - t) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = connector.connect(); Statement s = c.createStatement()) {
            tune(s);
            for (Item f : foreignKeys) {
                long t = System.nanoTime();
                s.execute(f.create());
                if ((System.nanoTime() - t) / 1e9 > 0.5) {
                    timing.done(f.label(), (System.nanoTime() - t) / 1e9);
                }
            }
        }
    }

    interface Connector {
        Connection connect() throws SQLException;
    }

    private static void tune(Statement s) throws SQLException {
        s.execute("set maintenance_work_mem = '1GB'");
        s.execute("set work_mem = '512MB'");
        s.execute("set max_parallel_maintenance_workers = 0");
    }

    /** The expensive builds first: the hour claims' GiST exclusion, then anything on posting or hour_claim. */
    private static int cost(Item i) {
        return i.create().contains("gist") ? 0 : i.label().startsWith("posting.") ? 1
                : i.label().startsWith("hour_claim.") ? 2 : i.label().startsWith("journal") ? 3 : 4;
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
