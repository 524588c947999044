package org.timebank.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A closed loop: a fixed number of worker threads, each with its own kept-alive connection, sends
 * a request, waits for its answer, and sends the next. After a warm-up whose answers are
 * discarded comes the timed window; an answer counts when it arrives inside the window. Errors
 * (transport failures, non-2xx answers, answers that fail the operation's check) are counted
 * apart and never as throughput, and their latencies are not mixed into the percentiles.
 */
final class LoadRunner {
    /** What one operation sends and how it judges an answer. */
    interface Operation {
        /** The next request, or null when a finite pool (claims to approve, payment codes) is used up. */
        BenchHttp.Request next();

        /**
         * Null when the answer is right; otherwise why it is wrong. Called for every answer, also
         * in the warm-up, so setup runs collect what they created here.
         */
        default String check(BenchHttp.Request request, BenchHttp.Response response) {
            return response.ok() ? null : "HTTP " + response.status() + problemCode(response);
        }
    }

    /** What a run measured. */
    record Result(String name, int concurrency, long completed, long errors, Map<String, Long> errorKinds,
                  Latencies latencies, double windowSeconds, boolean exhausted, CpuMeter.Usage cpu) {
        double opsPerSecond() {
            return windowSeconds <= 0 ? 0 : completed / windowSeconds;
        }
    }

    private final String host;
    private final int port;
    private final CpuMeter cpu;

    /** {@code cpu}: read at the start and the end of each window, if given. */
    LoadRunner(String host, int port, CpuMeter cpu) {
        this.host = host;
        this.port = port;
        this.cpu = cpu;
    }

    /**
     * Runs {@code op} with {@code concurrency} workers: {@code warmupSeconds} untimed, then a window
     * of {@code seconds} (or until the operation's pool is used up; {@code seconds} <= 0: only that).
     */
    Result run(String name, Operation op, int concurrency, double warmupSeconds, double seconds)
            throws InterruptedException {
        long start = System.nanoTime();
        long windowStart = start + (long) (warmupSeconds * 1e9);
        long windowEnd = seconds <= 0 ? Long.MAX_VALUE : windowStart + (long) (seconds * 1e9);
        AtomicLong lastCompletion = new AtomicLong(windowStart);
        AtomicInteger exhausted = new AtomicInteger();
        List<Worker> workers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            Worker w = new Worker(op, windowStart, windowEnd, lastCompletion, exhausted, done);
            workers.add(w);
            Thread t = new Thread(w, "bench-" + name + "-" + i);
            t.setDaemon(true);
            t.start();
        }
        CpuMeter.Usage usage = null;
        long untilWindow = windowStart - System.nanoTime();
        if (cpu != null && !done.await(Math.max(0, untilWindow), TimeUnit.NANOSECONDS)) {
            CpuMeter.Reading first = cpu.read();
            if (windowEnd == Long.MAX_VALUE) {
                done.await();
            } else {
                done.await(windowEnd - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
            usage = CpuMeter.between(first, cpu.read());
        }
        done.await();
        Latencies all = new Latencies();
        long completed = 0;
        long errors = 0;
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (Worker w : workers) {
            all.addAll(w.latencies);
            completed += w.latencies.count();
            errors += w.errors;
            w.errorKinds.forEach((k, v) -> kinds.merge(k, v, Long::sum));
        }
        long end = exhausted.get() > 0 || windowEnd == Long.MAX_VALUE ? lastCompletion.get() : windowEnd;
        double window = Math.max(0, end - windowStart) / 1e9;
        return new Result(name, concurrency, completed, errors, kinds, all, window, exhausted.get() > 0, usage);
    }

    private final class Worker implements Runnable {
        final Operation op;
        final long windowStart;
        final long windowEnd;
        final AtomicLong lastCompletion;
        final AtomicInteger exhausted;
        final CountDownLatch done;
        final Latencies latencies = new Latencies();
        final Map<String, Long> errorKinds = new LinkedHashMap<>();
        long errors;

        Worker(Operation op, long windowStart, long windowEnd, AtomicLong lastCompletion, AtomicInteger exhausted,
               CountDownLatch done) {
            this.op = op;
            this.windowStart = windowStart;
            this.windowEnd = windowEnd;
            this.lastCompletion = lastCompletion;
            this.exhausted = exhausted;
            this.done = done;
        }

        @Override
        public void run() {
            try (BenchHttp http = new BenchHttp(host, port)) {
                try {
                    http.connect();
                } catch (IOException e) {
                    error("connect: " + e.getMessage());
                }
                while (System.nanoTime() < windowEnd) {
                    BenchHttp.Request request = op.next();
                    if (request == null) {
                        exhausted.incrementAndGet();
                        break;
                    }
                    long sent = System.nanoTime();
                    long received;
                    String wrong;
                    try {
                        BenchHttp.Response response = http.send(request);
                        received = System.nanoTime();
                        wrong = op.check(request, response);
                    } catch (IOException | RuntimeException e) {
                        received = System.nanoTime();
                        wrong = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    if (received < windowStart || received > windowEnd) {
                        continue;
                    }
                    if (wrong == null) {
                        latencies.add(received - sent);
                        lastCompletion.accumulateAndGet(received, Math::max);
                    } else {
                        error(wrong);
                    }
                }
            } finally {
                done.countDown();
            }
        }

        private void error(String kind) {
            errors++;
            errorKinds.merge(kind.length() > 120 ? kind.substring(0, 120) : kind, 1L, Long::sum);
        }
    }

    /** The problem's code, if the answer is application/problem+json with one: " CODE". */
    static String problemCode(BenchHttp.Response response) {
        String text = response.text();
        int i = text.indexOf("\"code\":\"");
        if (i < 0) {
            return "";
        }
        int end = text.indexOf('"', i + 8);
        return end < 0 ? "" : " " + text.substring(i + 8, end);
    }

    /** Prints the error kinds of a result, most frequent first. */
    static void describeErrors(Result r, Consumer<String> out) {
        r.errorKinds().entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(5)
                .forEach(e -> out.accept("    " + e.getValue() + " x " + e.getKey()));
    }
}
