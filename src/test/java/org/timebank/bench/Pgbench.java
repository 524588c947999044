package org.timebank.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ceiling: the same posting as a bare SQL statement, run by pgbench (PostgreSQL's client
 * tools) against the same database, with a per-transaction log so that its percentiles are
 * computed exactly like the service's.
 */
final class Pgbench {
    /** What pgbench reported, plus the latencies of its per-transaction log. */
    record Outcome(double tps, double latencyAverageMs, long processed, long failed, int abortedClients,
                   Latencies latencies, String output, CpuMeter.Usage cpu) {}

    private final String executable;
    private final Database.Target db;

    Pgbench(String executable, Database.Target db) {
        this.executable = executable;
        this.db = db;
    }

    /**
     * Runs {@code script} untimed for {@code warmupSeconds}, then for {@code seconds} with a
     * transaction log. With a meter, the CPU spent from one second into the run to one second
     * before its end is scaled to the whole run (pgbench's server processes exist only while it runs).
     */
    Outcome run(String name, String script, int clients, int threads, int warmupSeconds, int seconds, CpuMeter meter)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-pgbench-" + name);
        Path file = dir.resolve(name + ".sql");
        Files.writeString(file, script);
        // the script's per-client counter n: the timed run goes on where the warm-up stopped (with a
        // margin, clients are not equally fast), so it does not post the warm-up's rows again
        long start = 0;
        if (warmupSeconds > 0) {
            String warm = exec(dir, List.of("-n", "-M", "prepared", "-c", Integer.toString(clients), "-j",
                    Integer.toString(threads), "-T", Integer.toString(warmupSeconds), "-D", "n=0", "-f", file.toString()));
            start = 2 * parse(warm, new Latencies(), null).processed() / clients + 1;
        }
        CpuMeter.Usage[] usage = new CpuMeter.Usage[1];
        Thread sampler = null;
        if (meter != null && seconds >= 4) {
            sampler = new Thread(() -> {
                try {
                    Thread.sleep(1000);
                    CpuMeter.Reading first = meter.read();
                    long t0 = System.nanoTime();
                    Thread.sleep((seconds - 2) * 1000L);
                    CpuMeter.Usage u = CpuMeter.between(first, meter.read());
                    double scale = seconds / ((System.nanoTime() - t0) / 1e9);
                    usage[0] = new CpuMeter.Usage(u.serviceSeconds() * scale, u.databaseSeconds() * scale, Double.NaN);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-pgbench-cpu");
            sampler.setDaemon(true);
            sampler.start();
        }
        String out = exec(dir, List.of("-n", "-M", "prepared", "-c", Integer.toString(clients), "-j",
                Integer.toString(threads), "-T", Integer.toString(seconds), "-D", "n=" + start, "-f", file.toString(), "-l",
                "--log-prefix=" + dir.resolve("tx")));
        Latencies latencies = new Latencies();
        long failedInLog = 0;
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("tx.")).sorted().toList()) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    long micros = transactionMicros(line);
                    if (micros >= 0) {
                        latencies.add(micros * 1000);
                    } else if (!line.isBlank()) {
                        failedInLog++;
                    }
                }
            }
        }
        if (sampler != null) {
            sampler.join();
        }
        Outcome parsed = parse(out, latencies, usage[0]);
        deleteTree(dir);
        return failedInLog > parsed.failed()
                ? new Outcome(parsed.tps(), parsed.latencyAverageMs(), parsed.processed(), failedInLog,
                        parsed.abortedClients(), latencies, out, usage[0])
                : parsed;
    }

    private String exec(Path dir, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.addAll(List.of("-h", db.host(), "-p", Integer.toString(db.port()), "-U", db.user()));
        cmd.addAll(args);
        cmd.add(db.database());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        if (db.password() != null && !db.password().isEmpty()) {
            env.put("PGPASSWORD", db.password());
        }
        if (!db.schema().equals("public")) {
            env.put("PGOPTIONS", "-c search_path=" + db.schema() + ",public");
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0 && !out.contains("tps =")) {
            throw new IOException("pgbench exited with " + code + ":\n" + out);
        }
        return out;
    }

    private static final Pattern TPS = Pattern.compile("(?m)^tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("(?m)^latency average = ([0-9.]+) ms");
    private static final Pattern PROCESSED = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("(?m)^number of failed transactions: (\\d+)");
    private static final Pattern ABORTED = Pattern.compile("(?m)client \\d+ (script \\d+ )?aborted");

    /** Reads pgbench's summary; the latencies come from its transaction log. */
    static Outcome parse(String output, Latencies latencies, CpuMeter.Usage cpu) {
        double tps = number(TPS, output);
        double latency = number(LATENCY, output);
        long processed = (long) number(PROCESSED, output);
        double failed = number(FAILED, output);
        Matcher aborted = ABORTED.matcher(output);
        int abortedClients = 0;
        while (aborted.find()) {
            abortedClients++;
        }
        return new Outcome(Double.isNaN(tps) ? 0 : tps, latency, Math.max(0, processed),
                Double.isNaN(failed) ? 0 : (long) failed, abortedClients, latencies, output, cpu);
    }

    private static double number(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /**
     * The latency in microseconds of one line of a transaction log ("client_id transaction_no time
     * script_no time_epoch time_us ..."), or -1 for a failed or skipped transaction.
     */
    static long transactionMicros(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 3) {
            return -1;
        }
        try {
            return Long.parseLong(f[2]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
