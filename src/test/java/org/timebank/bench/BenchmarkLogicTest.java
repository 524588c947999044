package org.timebank.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's own arithmetic and parsing, without a service or a database. */
class BenchmarkLogicTest {

    @Test
    void percentilesAreTheNearestRankOfEveryRecordedSample() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) {
            l.add(i * 1_000_000L);
        }
        Latencies.Summary s = l.summary();
        assertEquals(50.0, s.p50Ms());
        assertEquals(95.0, s.p95Ms());
        assertEquals(99.0, s.p99Ms());
        long[] one = {7};
        assertEquals(7, Latencies.percentile(one, 99));
        assertTrue(Double.isNaN(Latencies.percentile(new long[0], 50)));
        // 20 samples: p95 is the 19th, p99 the 20th
        long[] twenty = new long[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = i + 1;
        }
        assertEquals(19, Latencies.percentile(twenty, 95));
        assertEquals(20, Latencies.percentile(twenty, 99));
    }

    @Test
    void latenciesKeepMoreSamplesThanTheirFirstArray() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 0; i < 10_000; i++) {
            a.add(i);
            b.add(i);
        }
        a.addAll(b);
        assertEquals(20_000, a.count());
        assertEquals(9_999, a.sorted()[19_999]);
    }

    private static final String PGBENCH_OUTPUT = """
            pgbench (15.20 (Debian 15.20-0+deb12u1))
            transaction type: /tmp/t.sql
            scaling factor: 1
            query mode: prepared
            number of clients: 2
            number of threads: 2
            maximum number of tries: 1
            duration: 1 s
            number of transactions actually processed: 170
            number of failed transactions: 0 (0.000%)
            latency average = 11.755 ms
            initial connection time = 12.947 ms
            tps = 170.135087 (without initial connection time)
            """;

    @Test
    void pgbenchSummaryIsRead() {
        Pgbench.Outcome o = Pgbench.parse(PGBENCH_OUTPUT, new Latencies(), null);
        assertEquals(170.135087, o.tps(), 1e-9);
        assertEquals(11.755, o.latencyAverageMs(), 1e-9);
        assertEquals(170, o.processed());
        assertEquals(0, o.failed());
        assertEquals(0, o.abortedClients());
    }

    @Test
    void abortedPgbenchClientsAreCounted() {
        String out = """
                pgbench: error: client 8 script 0 aborted in command 1 query 0: ERROR:  insufficient balance
                pgbench: error: client 9 script 0 aborted in command 1 query 0: ERROR:  insufficient balance
                number of transactions actually processed: 12
                number of failed transactions: 0 (0.000%)
                pgbench: error: Run was aborted; the above results are incomplete.
                """;
        Pgbench.Outcome o = Pgbench.parse(out, new Latencies(), null);
        assertEquals(2, o.abortedClients());
        assertEquals(12, o.processed());
        assertEquals(0, o.tps());
    }

    @Test
    void aTransactionLogLineGivesItsLatencyInMicroseconds() {
        assertEquals(42108, Pgbench.transactionMicros("0 1 42108 0 1795360854 209827"));
        assertEquals(-1, Pgbench.transactionMicros("3 17 failed 0 1795360854 209827"));
        assertEquals(-1, Pgbench.transactionMicros("3 18 skipped 0 1795360854 209827"));
        assertEquals(-1, Pgbench.transactionMicros(""));
    }

    @Test
    void eachCeilingClientWalksItsOwnSliceOfTheRows() {
        String script = Benchmark.ceilingScript("ceiling_approval", "APPROVAL", 20_000, 32);
        assertTrue(script.startsWith("\\set n :n + 1\n\\set i (:client_id % 32) * 625 + (:n - 1) % 625 + 1\n"), script);
        String sql = script.substring(script.lastIndexOf("\\set"));
        sql = sql.substring(sql.indexOf('\n') + 1).replace("::", "");
        // pgbench would take any other :name, even in a string literal, for a variable
        assertEquals(1, sql.split(":", -1).length - 1, sql);
        assertTrue(sql.contains("where i = :i"));
    }

    private static BenchReport.Row row(String name, long errors, double ops, double p99, Double ceiling,
                                       BenchReport.Target target) {
        return new BenchReport.Row(name, 32, 1000, errors, ops, 1, 2, p99, ceiling, target, null);
    }

    @Test
    void aWriteThatMeetsEveryTargetPasses() {
        BenchReport.Row r = row("approval", 0, 1200, 40, 1800.0, BenchReport.Target.write(1000, 50, 0.6));
        assertEquals("PASS", BenchReport.verdict(r, null));
    }

    @Test
    void aMissSaysEveryGapAndByHowMuch() {
        BenchReport.Row r = row("approval", 0, 800, 63.25, 2000.0, BenchReport.Target.write(1000, 50, 0.6));
        assertEquals("MISS: 800/s is 20% short of 1000/s; p99 63.3ms is 13.3ms over 50ms; 40% of SQL, not 60%",
                BenchReport.verdict(r, null));
    }

    @Test
    void errorsAreNeverAPass() {
        BenchReport.Row r = row("approval", 3, 1200, 40, 1800.0, BenchReport.Target.write(1000, 50, 0.6));
        assertEquals("MISS: 3 errors", BenchReport.verdict(r, null));
        BenchReport.Row untargeted = row("history page", 3, 1200, 40, null, BenchReport.Target.none());
        assertEquals("ERRORS: 3", BenchReport.verdict(untargeted, null));
        assertEquals("-", BenchReport.verdict(row("history page", 0, 1, 1, null, BenchReport.Target.none()), null));
    }

    @Test
    void aRowThatCompletedNothingSaysSoOnce() {
        BenchReport.Row r = new BenchReport.Row("top-50 city all", 4, 0, 12, 0, Double.NaN, Double.NaN, Double.NaN, null,
                BenchReport.Target.p99(20), null);
        assertEquals("MISS: 12 errors; nothing completed", BenchReport.verdict(r, null));
    }

    @Test
    void cpuTimeIsReadAfterTheCommandNameEvenWithSpacesInIt() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 56 0 0 20 0 40 0 100 "
                + "9000000 50000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assertEquals(1290, CpuMeter.ticksOf(stat));
        CpuMeter.Reading start = new CpuMeter.Reading(100, Map.of(1, 10L, 2, 20L), 1_000_000_000L);
        CpuMeter.Reading end = new CpuMeter.Reading(300, Map.of(1, 60L, 3, 5L), 1_500_000_000L);
        CpuMeter.Usage u = CpuMeter.between(start, end);
        assertEquals(2.0, u.serviceSeconds(), 1e-9);
        // backend 1 spent 50 ticks, backend 3 started in the window with 5, backend 2 is gone
        assertEquals(0.55, u.databaseSeconds(), 1e-9);
        assertEquals(0.5, u.loadSeconds(), 1e-9);
        BenchReport.Cpu c = new BenchReport.Cpu("approval", 2.5, 1.0, 0.5);
        assertEquals(500, c.ceiling(2), 1e-9);
    }

    @Test
    void aWriteWithoutItsCeilingCannotPass() {
        BenchReport.Row r = row("approval", 0, 1200, 40, null, BenchReport.Target.write(1000, 50, 0.6));
        assertEquals("MISS: no SQL ceiling measured", BenchReport.verdict(r, null));
    }

    @Test
    void theHotShopIsComparedWithManyShops() {
        BenchReport report = new BenchReport();
        BenchReport.Target write = BenchReport.Target.write(1000, 50, 0.6);
        report.add(row("redemption, many shops", 0, 3000, 20, 4000.0, write));
        report.add(row("redemption, one hot shop", 0, 1400, 20, 2000.0,
                write.andShareOf(0.5, "redemption, many shops")));
        String text = report.text();
        assertTrue(text.contains("MISS: 47% of redemption, many shops, not 50%"), text);
        assertEquals("PASS", BenchReport.verdict(row("hot", 0, 1500, 20, 2000.0,
                write.andShareOf(0.5, "many")), 3000.0));
    }

    @Test
    void aP99TargetIsInclusive() {
        assertEquals("PASS", BenchReport.verdict(row("balance read", 0, 5000, 5.0, null, BenchReport.Target.p99(5)), null));
        assertEquals("MISS: p99 5.1ms is 0.1ms over 5ms",
                BenchReport.verdict(row("balance read", 0, 5000, 5.1, null, BenchReport.Target.p99(5)), null));
    }

    @Test
    void theMarkdownTableHasARowPerOperation() {
        BenchReport report = new BenchReport();
        report.add(row("balance read", 0, 5000, 4, null, BenchReport.Target.p99(5)));
        report.fact("machine", "2 cores");
        String md = report.markdown();
        assertTrue(md.startsWith("| operation | workers | requests"), md);
        assertTrue(md.contains("| balance read | 32 | 1000 | 0 | 5000 | 1.00 | 2.00 | 4.00 |  | p99<=5ms | PASS |"), md);
        assertTrue(md.contains("- machine: 2 cores"), md);
    }

    @Test
    void optionsDefaultToTheServiceBenchServeStarts() {
        Benchmark.Options o = Benchmark.Options.parse(new String[] {""}, Map.of());
        assertEquals("http://127.0.0.1:8091", o.url);
        assertEquals("jdbc:postgresql://127.0.0.1:5432/timebank_bench", o.jdbc);
        assertEquals(37_500, o.writes());
        assertEquals(32, o.concurrency);
        assertEquals(4, o.readConcurrency);
        Benchmark.Options p = Benchmark.Options.parse(new String[] {"--seconds", "10", "--warmup", "2", "--only",
                "balance,approval", "--no-idempotency-keys"}, Map.of("BENCH_PORT", "9000", "BENCH_DB", "x"));
        assertEquals("http://127.0.0.1:9000", p.url);
        assertEquals("jdbc:postgresql://127.0.0.1:5432/x", p.jdbc);
        assertEquals(18_000, p.writes());
        assertTrue(p.runs("approval"));
        assertFalse(p.runs("redemption"));
        assertFalse(p.idempotencyKeys);
        assertThrows(Benchmark.UsageException.class,
                () -> Benchmark.Options.parse(new String[] {"--only", "everything"}, Map.of()));
        assertThrows(Benchmark.UsageException.class,
                () -> Benchmark.Options.parse(new String[] {"--concurrency", "0"}, Map.of()));
    }

    @Test
    void aJdbcUrlGivesPgbenchItsTarget() {
        Database.Target t = Database.Target.of("jdbc:postgresql://127.0.0.1:5433/timebank_bench?currentSchema=s1",
                "postgres", null);
        assertEquals(new Database.Target("127.0.0.1", 5433, "timebank_bench", "postgres", null, "s1"), t);
        assertEquals("public", Database.Target.of("jdbc:postgresql://db/x", "u", "p").schema());
        assertEquals(5432, Database.Target.of("jdbc:postgresql://db/x", "u", "p").port());
    }

    @Test
    void theMedianOfApprovedPointsIsTheMiddleValue() {
        assertEquals(10, Benchmark.median(new java.util.ArrayList<>(List.of(30L, 10L, 10L, 5L, 10L))));
    }
}
