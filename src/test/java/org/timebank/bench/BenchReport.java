package org.timebank.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's rows, their targets and verdicts, as a plain-text table and as markdown. */
final class BenchReport {
    /**
     * What a row must reach; null parts do not apply. {@code minCeilingShare}: of the SQL ceiling's
     * throughput; {@code minShareOf}: of the throughput of the row named {@code relativeTo}.
     */
    record Target(Double minOpsPerSecond, Double maxP99Ms, Double minCeilingShare, Double minShareOf,
                  String relativeTo) {
        static Target none() {
            return new Target(null, null, null, null, null);
        }

        static Target p99(double ms) {
            return new Target(null, ms, null, null, null);
        }

        static Target write(double opsPerSecond, double p99Ms, double ceilingShare) {
            return new Target(opsPerSecond, p99Ms, ceilingShare, null, null);
        }

        Target andShareOf(double share, String row) {
            return new Target(minOpsPerSecond, maxP99Ms, minCeilingShare, share, row);
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (minOpsPerSecond != null) {
                parts.add(">=" + fmt0(minOpsPerSecond) + "/s");
            }
            if (maxP99Ms != null) {
                parts.add("p99<=" + fmt0(maxP99Ms) + "ms");
            }
            if (minCeilingShare != null) {
                parts.add(">=" + pct(minCeilingShare) + " of SQL");
            }
            if (minShareOf != null) {
                parts.add(">=" + pct(minShareOf) + " of " + relativeTo);
            }
            return parts.isEmpty() ? "-" : String.join(", ", parts);
        }
    }

    /** One measured operation. {@code ceilingOpsPerSecond}: the SQL ceiling of the same posting, if any. */
    record Row(String operation, int workers, long requests, long errors, double opsPerSecond, double p50Ms, double p95Ms,
               double p99Ms, Double ceilingOpsPerSecond, Target target, String note) {
        Double ceilingShare() {
            return ceilingOpsPerSecond == null || ceilingOpsPerSecond <= 0 ? null : opsPerSecond / ceilingOpsPerSecond;
        }
    }

    /**
     * PASS, or MISS with every gap and by how much; "-" when the row has no target. Errors are
     * never a pass: a run that answered wrongly has not shown it can do the work.
     */
    static String verdict(Row row, Double referenceOpsPerSecond) {
        Target t = row.target();
        List<String> gaps = new ArrayList<>();
        if (row.errors() > 0) {
            gaps.add(row.errors() + " errors");
        }
        if (row.requests() == 0) {
            gaps.add("nothing completed");
        }
        if (t.minOpsPerSecond() != null && row.opsPerSecond() < t.minOpsPerSecond()) {
            gaps.add(fmt0(row.opsPerSecond()) + "/s is " + pct(1 - row.opsPerSecond() / t.minOpsPerSecond())
                    + " short of " + fmt0(t.minOpsPerSecond()) + "/s");
        }
        if (t.maxP99Ms() != null && row.requests() > 0 && row.p99Ms() > t.maxP99Ms()) {
            gaps.add("p99 " + fmt1(row.p99Ms()) + "ms is " + fmt1(row.p99Ms() - t.maxP99Ms()) + "ms over "
                    + fmt0(t.maxP99Ms()) + "ms");
        }
        if (t.minCeilingShare() != null) {
            Double share = row.ceilingShare();
            if (share == null) {
                gaps.add("no SQL ceiling measured");
            } else if (share < t.minCeilingShare()) {
                gaps.add(pct(share) + " of SQL, not " + pct(t.minCeilingShare()));
            }
        }
        if (t.minShareOf() != null) {
            if (referenceOpsPerSecond == null || referenceOpsPerSecond <= 0) {
                gaps.add("no " + t.relativeTo() + " figure to compare");
            } else if (row.opsPerSecond() < t.minShareOf() * referenceOpsPerSecond) {
                gaps.add(pct(row.opsPerSecond() / referenceOpsPerSecond) + " of " + t.relativeTo() + ", not "
                        + pct(t.minShareOf()));
            }
        }
        boolean hasTarget = t.minOpsPerSecond() != null || t.maxP99Ms() != null || t.minCeilingShare() != null
                || t.minShareOf() != null;
        if (!hasTarget) {
            return row.errors() > 0 ? "ERRORS: " + row.errors() : "-";
        }
        return gaps.isEmpty() ? "PASS" : "MISS: " + String.join("; ", gaps);
    }

    /** CPU milliseconds one operation took, per side; NaN where not measured. */
    record Cpu(String operation, double serviceMs, double databaseMs, double loadMs) {
        double totalMs() {
            return CpuMeter.orZero(serviceMs) + CpuMeter.orZero(databaseMs) + CpuMeter.orZero(loadMs);
        }

        /** The most operations per second {@code cores} could do if they did nothing else. */
        double ceiling(int cores) {
            return totalMs() <= 0 ? Double.NaN : cores * 1000 / totalMs();
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Cpu> cpu = new ArrayList<>();
    private final List<String[]> facts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return rows;
    }

    void add(Cpu c) {
        cpu.add(c);
    }

    /** A line of the machine/storage section: name and value. */
    void fact(String name, String value) {
        facts.add(new String[] {name, value});
    }

    void note(String note) {
        notes.add(note);
    }

    private Double reference(Row row) {
        if (row.target().relativeTo() == null) {
            return null;
        }
        return rows.stream().filter(r -> r.operation().equals(row.target().relativeTo())).findFirst()
                .map(Row::opsPerSecond).orElse(null);
    }

    private static final String CPU_TITLE = "CPU ms per operation (/proc: the service's JVM, this database's "
            + "server processes, the load generator)";
    private final int cores = Runtime.getRuntime().availableProcessors();

    private static final String[] HEAD = {"operation", "workers", "requests", "errors", "ops/s", "p50 ms", "p95 ms",
            "p99 ms", "vs SQL", "target", "result"};
    /** The columns from workers to vs SQL are numbers, right-aligned. */
    private static final int FIRST_NUMBER = 1;
    private static final int LAST_NUMBER = 8;

    private List<String[]> cells() {
        List<String[]> out = new ArrayList<>();
        for (Row r : rows) {
            Double share = r.ceilingShare();
            out.add(new String[] {r.operation(), Integer.toString(r.workers()), Long.toString(r.requests()),
                    Long.toString(r.errors()),
                    fmt0(r.opsPerSecond()), fmt2(r.p50Ms()), fmt2(r.p95Ms()), fmt2(r.p99Ms()),
                    share == null ? "" : pct(share), r.target().describe(), verdict(r, reference(r))
                    + (r.note() == null ? "" : " (" + r.note() + ")")});
        }
        return out;
    }

    String text() {
        List<String[]> cells = cells();
        int[] width = new int[HEAD.length];
        for (int i = 0; i < HEAD.length; i++) {
            width[i] = HEAD[i].length();
            for (String[] c : cells) {
                width[i] = Math.max(width[i], c[i].length());
            }
        }
        StringBuilder s = new StringBuilder();
        line(s, HEAD, width);
        StringBuilder rule = new StringBuilder();
        for (int w : width) {
            rule.append("-".repeat(w)).append("  ");
        }
        s.append(rule.toString().stripTrailing()).append('\n');
        for (String[] c : cells) {
            line(s, c, width);
        }
        s.append('\n');
        if (!cpu.isEmpty()) {
            int w = cpu.stream().mapToInt(c -> c.operation().length()).max().orElse(0);
            s.append(CPU_TITLE).append('\n');
            s.append(String.format(Locale.ROOT, "%-" + w + "s  %8s  %8s  %8s  %8s  %s%n", "operation", "service",
                    "database", "load", "total", "at most, on " + cores + " cores"));
            for (Cpu c : cpu) {
                s.append(String.format(Locale.ROOT, "%-" + w + "s  %8s  %8s  %8s  %8s  %s/s%n", c.operation(),
                        fmt2(c.serviceMs()), fmt2(c.databaseMs()), fmt2(c.loadMs()), fmt2(c.totalMs()),
                        fmt0(c.ceiling(cores))));
            }
            s.append('\n');
        }
        int nameWidth = facts.stream().mapToInt(f -> f[0].length()).max().orElse(0);
        for (String[] f : facts) {
            s.append(String.format(Locale.ROOT, "%-" + nameWidth + "s  %s%n", f[0], f[1]));
        }
        if (!notes.isEmpty()) {
            s.append('\n');
            notes.forEach(n -> s.append("note: ").append(n).append('\n'));
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String[] c, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            boolean number = i >= FIRST_NUMBER && i <= LAST_NUMBER;
            l.append(number ? String.format("%" + width[i] + "s", c[i]) : String.format("%-" + width[i] + "s", c[i]))
                    .append("  ");
        }
        s.append(l.toString().stripTrailing()).append('\n');
    }

    String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("| ").append(String.join(" | ", HEAD)).append(" |\n|");
        for (int i = 0; i < HEAD.length; i++) {
            s.append(i >= FIRST_NUMBER && i <= LAST_NUMBER ? "---:|" : "---|");
        }
        s.append('\n');
        for (String[] c : cells()) {
            s.append("| ").append(String.join(" | ", c)).append(" |\n");
        }
        s.append('\n');
        if (!cpu.isEmpty()) {
            s.append(CPU_TITLE).append(":\n\n| operation | service | database | load | total | at most, on ")
                    .append(cores).append(" cores |\n|---|---:|---:|---:|---:|---:|\n");
            for (Cpu c : cpu) {
                s.append("| ").append(c.operation()).append(" | ").append(fmt2(c.serviceMs())).append(" | ")
                        .append(fmt2(c.databaseMs())).append(" | ").append(fmt2(c.loadMs())).append(" | ")
                        .append(fmt2(c.totalMs())).append(" | ").append(fmt0(c.ceiling(cores))).append("/s |\n");
            }
            s.append('\n');
        }
        for (String[] f : facts) {
            s.append("- ").append(f[0]).append(": ").append(f[1]).append('\n');
        }
        if (!notes.isEmpty()) {
            s.append('\n');
            notes.forEach(n -> s.append("- note: ").append(n).append('\n'));
        }
        return s.toString();
    }

    static String fmt0(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    static String fmt1(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String fmt2(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
