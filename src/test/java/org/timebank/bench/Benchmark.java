package org.timebank.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drives the running service over HTTP and prints, per operation, throughput and p50/p95/p99
 * latency, beside the ceiling of the same postings as bare SQL (pgbench) measured in the same run,
 * the journal's bytes per posting, and the machine. README "Benchmark" says how to run it.
 *
 * <p>Test scope only (never in the service's jar): {@code bench/run [options]}, or
 * {@code ./mvnw -q test-compile exec:java@benchmark -Dexec.args="..."}. Options: {@code --help}.
 */
public final class Benchmark {
    static final String USAGE = """
            bench/run [options]   drives a running service (bench/serve) and prints its figures

              --url URL              the service (default http://127.0.0.1:$BENCH_PORT, BENCH_PORT default 8091)
              --jdbc URL             its database, read to pick test data (default
                                     jdbc:postgresql://127.0.0.1:5432/$BENCH_DB, BENCH_DB default timebank_bench)
              --db-user NAME         (default postgres)   --db-password PW (default none)
              --concurrency N        closed-loop workers of the writes, one connection each (default 32)
              --read-concurrency N   workers of the reads (default 4): a saturated closed loop waits
                                     concurrency / throughput on average, so a read's latency target
                                     is judged with a few workers
              --warmup S             untimed seconds before each window (default 5)
              --service-warmup S     untimed seconds of mixed reads before the first row, so that the
                                     service's JIT has compiled its common paths (default 30)
              --seconds S            timed window per operation (default 20)
              --writes N             claims, and payment codes per redemption row, prepared before the
                                     writes are timed (default 1500 x (warmup + seconds))
              --volunteers N         volunteers sampled for the reads (default 5000)
              --redeemers N          volunteers whose payment codes are redeemed (default 5000)
              --redeem-points N      points per redemption (default 1)
              --shops N              shops used by "many shops" (default 1000; all if fewer)
              --hot-shop ID          the one hot shop (default: the lowest shop id)
              --ceiling-clients N    pgbench clients (default: --concurrency)
              --pgbench PATH         (default pgbench)
              --service-pid PID      the service's process, for its CPU time (default: target/bench-serve.pid)
              --no-idempotency-keys  send approvals and redemptions without an Idempotency-Key
              --only LIST            comma-separated subset of: balance,history,leaderboard,rank,approval,
                                     redemption,ceiling,storage (default all)
              --out FILE             also write the results as markdown to FILE
              --private-key PEM      signs the tokens (default src/main/dev/demo-jwt-private.pem)
              --issuer ISS           (default https://timebank.demo/issuer)
            """;

    /** The command line, with the defaults documented in USAGE. */
    static final class Options {
        String url;
        String jdbc;
        String dbUser = "postgres";
        String dbPassword;
        int concurrency = 32;
        int readConcurrency = 4;
        double warmup = 5;
        double serviceWarmup = 30;
        double seconds = 20;
        Integer writes;
        int volunteers = 5000;
        int redeemers = 5000;
        long redeemPoints = 1;
        int shops = 1000;
        Long hotShop;
        Integer ceilingClients;
        String pgbench = "pgbench";
        Long servicePid;
        boolean idempotencyKeys = true;
        Set<String> only = new LinkedHashSet<>(List.of("balance", "history", "leaderboard", "rank", "approval",
                "redemption", "ceiling", "storage"));
        Path out;
        Path privateKey = Path.of("src/main/dev/demo-jwt-private.pem");
        String issuer = "https://timebank.demo/issuer";

        static Options parse(String[] args, Map<String, String> env) {
            Options o = new Options();
            o.url = "http://127.0.0.1:" + env.getOrDefault("BENCH_PORT", "8091");
            o.jdbc = "jdbc:postgresql://127.0.0.1:5432/" + env.getOrDefault("BENCH_DB", "timebank_bench");
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.isBlank()) {
                    continue;
                }
                switch (a) {
                    case "--help", "-h" -> throw new UsageException(null);
                    case "--no-idempotency-keys" -> o.idempotencyKeys = false;
                    default -> {
                        if (i + 1 >= args.length) {
                            throw new UsageException("missing value of " + a);
                        }
                        String v = args[++i];
                        try {
                            switch (a) {
                                case "--url" -> o.url = v;
                                case "--jdbc" -> o.jdbc = v;
                                case "--db-user" -> o.dbUser = v;
                                case "--db-password" -> o.dbPassword = v;
                                case "--concurrency" -> o.concurrency = positive(Integer.parseInt(v), a);
                                case "--read-concurrency" -> o.readConcurrency = positive(Integer.parseInt(v), a);
                                case "--warmup" -> o.warmup = Double.parseDouble(v);
                                case "--service-warmup" -> o.serviceWarmup = Double.parseDouble(v);
                                case "--seconds" -> o.seconds = positive(Double.parseDouble(v), a);
                                case "--writes" -> o.writes = positive(Integer.parseInt(v), a);
                                case "--volunteers" -> o.volunteers = positive(Integer.parseInt(v), a);
                                case "--redeemers" -> o.redeemers = positive(Integer.parseInt(v), a);
                                case "--redeem-points" -> o.redeemPoints = positive(Long.parseLong(v), a);
                                case "--shops" -> o.shops = positive(Integer.parseInt(v), a);
                                case "--hot-shop" -> o.hotShop = Long.parseLong(v);
                                case "--ceiling-clients" -> o.ceilingClients = positive(Integer.parseInt(v), a);
                                case "--pgbench" -> o.pgbench = v;
                                case "--service-pid" -> o.servicePid = Long.parseLong(v);
                                case "--only" -> {
                                    Set<String> known = new LinkedHashSet<>(o.only);
                                    o.only = new LinkedHashSet<>(Arrays.asList(v.split(",")));
                                    for (String s : o.only) {
                                        if (!known.contains(s)) {
                                            throw new UsageException("unknown operation in --only: " + s);
                                        }
                                    }
                                }
                                case "--out" -> o.out = Path.of(v);
                                case "--private-key" -> o.privateKey = Path.of(v);
                                case "--issuer" -> o.issuer = v;
                                default -> throw new UsageException("unknown option " + a);
                            }
                        } catch (NumberFormatException e) {
                            throw new UsageException("not a number: " + a + " " + v);
                        }
                    }
                }
            }
            return o;
        }

        int writes() {
            return writes != null ? writes : (int) Math.max(1000, 1500 * (warmup + seconds));
        }

        boolean runs(String op) {
            return only.contains(op);
        }

        private static <N extends Number> N positive(N n, String option) {
            if (n.doubleValue() <= 0) {
                throw new UsageException(option + " must be positive");
            }
            return n;
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws Exception {
        // exec:java passes -Dexec.args as one string split on spaces; a lone empty string is no argument
        Options o;
        try {
            o = Options.parse(args, System.getenv());
        } catch (UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.out.print(USAGE);
            if (e.getMessage() != null) {
                System.exit(2);
            }
            return;
        }
        new Benchmark(o).run();
        // the JDBC driver and the parallel signing leave threads behind under exec:java
        System.exit(0);
    }

    // ---- the run ----

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern CODE = Pattern.compile("\"code\":\"([0-9A-Z]+)\"");
    private static final Pattern POINTS = Pattern.compile("\"points\":(\\d+)");

    private final Options o;
    private final String host;
    private final int port;
    private LoadRunner runner;
    private CpuMeter cpu;
    private final BenchReport report = new BenchReport();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final String loadAtStart = loadAverage();
    private final Map<String, Pgbench.Outcome> ceilings = new HashMap<>();
    private Database db;
    private BenchTokens tokens;
    private List<Database.Volunteer> sample;
    private final List<Long> approvedPoints = Collections.synchronizedList(new ArrayList<>());
    private List<Database.Redeemer> redeemers = List.of();
    private List<Database.Shop> shopsUsed = List.of();
    private Database.Shop hotShop;
    private List<Long> claimantIds = List.of();

    Benchmark(Options o) {
        this.o = o;
        URI u = URI.create(o.url);
        this.host = u.getHost();
        this.port = u.getPort() < 0 ? 80 : u.getPort();
    }

    void run() throws Exception {
        try (Database database = new Database(o.jdbc, o.dbUser, o.dbPassword)) {
            db = database;
            say("service %s, database %s (schema %s); %d workers for writes, %d for reads, %.0f s warm-up + %.0f s "
                    + "per operation", o.url, db.target.database(), db.target.schema(), o.concurrency, o.readConcurrency,
                    o.warmup, o.seconds);
            checkService();
            Long pid = o.servicePid != null ? o.servicePid : CpuMeter.servicePid(Path.of("target/bench-serve.pid"));
            cpu = new CpuMeter(pid, db);
            runner = new LoadRunner(host, port, cpu);
            if (!cpu.measuresService()) {
                report.note("the service's CPU was not measured: no live pid in target/bench-serve.pid (bench/serve "
                        + "writes it) nor --service-pid");
            }
            long t0 = System.nanoTime();
            // what autovacuum keeps in production; this server may run without it, and plans
            // made without statistics (say, a sequential scan of account at every commit) are
            // not what the service would meet
            if ((o.runs("leaderboard") || o.runs("rank")) && db.leaderboardsNeedRebuild()) {
                // a data set loaded in bulk (or before the leaderboards existed) has claims but no scores
                say("the leaderboards are empty but claims were approved: select leaderboard_rebuild() ...");
                db.execute("select leaderboard_rebuild()");
                say("rebuilt the leaderboards in %.1f s", (System.nanoTime() - t0) / 1e9);
                report.note("the benchmark rebuilt the empty leaderboards from the approved claims before it started");
                t0 = System.nanoTime();
            }
            // what autovacuum would have done: the queues (deltas, unsealed) churn, and the team machines run without it
            db.execute("vacuum analyze");
            say("vacuumed and analyzed the database in %.1f s (autovacuum is %s)", (System.nanoTime() - t0) / 1e9,
                    db.text("show autovacuum"));
            t0 = System.nanoTime();
            tokens = new BenchTokens(o.privateKey, o.issuer);
            sample = db.volunteers(o.volunteers);
            if (sample.isEmpty()) {
                throw new IllegalStateException("no volunteers in " + db.target.database() + ": load a data set first");
            }
            tokens.signVolunteers(sample.stream().map(Database.Volunteer::id).toList());
            say("sampled %d volunteers and signed their tokens in %.1f s", sample.size(), (System.nanoTime() - t0) / 1e9);

            if (o.serviceWarmup > 0) {
                warmUpService();
            }
            if (o.runs("balance")) {
                read("balance read", v -> "/api/v1/volunteers/" + v.id() + "/balance", v -> "\"volunteerId\":" + v.id(),
                        BenchReport.Target.p99(5));
            }
            if (o.runs("history")) {
                read("history page", v -> "/api/v1/volunteers/" + v.id() + "/transactions", v -> "\"items\":",
                        BenchReport.Target.none());
            }
            if (o.runs("leaderboard")) {
                for (String level : List.of("community", "street", "city")) {
                    for (String period : List.of("MONTH", "ALL")) {
                        Function<Database.Volunteer, Long> region = switch (level) {
                            case "community" -> Database.Volunteer::communityId;
                            case "street" -> Database.Volunteer::streetId;
                            default -> Database.Volunteer::cityId;
                        };
                        read("top-50 " + level + " " + period.toLowerCase(Locale.ROOT),
                                v -> "/api/v1/leaderboards?regionId=" + region.apply(v) + "&period=" + period
                                        + "&metric=HOURS&limit=50",
                                v -> "\"entries\":", BenchReport.Target.p99(20));
                    }
                }
            }
            if (o.runs("rank")) {
                read("my rank (city, month)", v -> "/api/v1/leaderboards/rank?regionId=" + v.cityId()
                                + "&period=MONTH&metric=HOURS&volunteerId=" + v.id(),
                        v -> "\"volunteerId\":" + v.id(), BenchReport.Target.p99(50));
            }
            if (o.runs("approval")) {
                approvals();
            }
            if (o.runs("redemption")) {
                redemptions();
            }
            if (o.runs("ceiling")) {
                ceilings();
            }
            if (o.runs("storage")) {
                storage();
            }
            machine();
        }
        String text = report.text();
        System.out.println();
        System.out.print(text);
        if (o.out != null) {
            if (o.out.getParent() != null) {
                Files.createDirectories(o.out.getParent());
            }
            Files.writeString(o.out, report.markdown());
            say("wrote %s", o.out);
        }
    }

    private void checkService() throws IOException {
        URI u = URI.create(o.url);
        try (BenchHttp http = new BenchHttp(u.getHost(), u.getPort())) {
            BenchHttp.Response r = http.send(BenchHttp.Request.get("/q/health/ready", null));
            if (!r.ok()) {
                throw new IllegalStateException("the service at " + o.url + " is not ready: HTTP " + r.status());
            }
        } catch (IOException e) {
            throw new IOException("no service at " + o.url + " (start it with bench/serve): " + e.getMessage(), e);
        }
    }

    // ---- reads ----

    /** A read as a random sampled volunteer; the answer must contain what {@code expect} says. */
    private void read(String name, Function<Database.Volunteer, String> path,
                      Function<Database.Volunteer, String> expect, BenchReport.Target target) throws InterruptedException {
        LoadRunner.Operation op = new LoadRunner.Operation() {
            @Override
            public BenchHttp.Request next() {
                Database.Volunteer v = sample.get(ThreadLocalRandom.current().nextInt(sample.size()));
                return BenchHttp.Request.get(path.apply(v), tokens.volunteer(v.id())).tagged(expect.apply(v));
            }

            @Override
            public String check(BenchHttp.Request request, BenchHttp.Response response) {
                String want = (String) request.tag();
                if (!response.ok()) {
                    return "HTTP " + response.status() + LoadRunner.problemCode(response);
                }
                return response.text().contains(want) ? null : "answer without " + want;
            }
        };
        record(runner.run(name, op, o.readConcurrency, o.warmup, o.seconds), null, target, null);
    }

    /**
     * Reads of every kind, untimed: a service just started runs interpreted code and compiles it
     * as it goes, and that would fall on whichever row came first.
     */
    private void warmUpService() throws InterruptedException {
        List<Function<Database.Volunteer, String>> paths = List.of(
                v -> "/api/v1/volunteers/" + v.id() + "/balance",
                v -> "/api/v1/volunteers/" + v.id() + "/transactions",
                v -> "/api/v1/leaderboards?regionId=" + v.communityId() + "&period=MONTH&metric=HOURS&limit=50",
                v -> "/api/v1/leaderboards/rank?regionId=" + v.cityId() + "&period=MONTH&metric=HOURS&volunteerId="
                        + v.id());
        LoadRunner.Operation mixed = () -> {
            Database.Volunteer v = sample.get(ThreadLocalRandom.current().nextInt(sample.size()));
            return BenchHttp.Request.get(paths.get(ThreadLocalRandom.current().nextInt(paths.size())).apply(v),
                    tokens.volunteer(v.id()));
        };
        LoadRunner.Result r = runner.run("service warm-up", mixed, o.readConcurrency, 0, o.serviceWarmup);
        say("service warm-up: %d reads in %.0f s (%d errors)", r.completed(), o.serviceWarmup, r.errors());
    }

    // ---- approvals ----

    private void approvals() throws Exception {
        int wanted = o.writes();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant latestEnd = now.minus(Duration.ofMinutes(10));
        Instant earliestStart = now.minus(Duration.ofDays(30));
        List<Database.Claimant> claimants = db.claimants(Math.min(wanted, 50_000));
        claimantIds = claimants.stream().map(Database.Claimant::id).toList();
        // one hour each, round-robin over the volunteers (neighbours in the queue are different
        // people), each volunteer's claims after their live ones and not overlapping each other
        record Plan(long volunteerId, long communityId, Instant start) {}
        List<Plan> plans = new ArrayList<>();
        Map<Long, Instant> next = new HashMap<>();
        for (Database.Claimant c : claimants) {
            Instant from = c.freeFrom().isAfter(earliestStart) ? c.freeFrom().truncatedTo(ChronoUnit.MINUTES)
                    .plus(Duration.ofMinutes(1)) : earliestStart;
            next.put(c.id(), from);
        }
        boolean more = true;
        while (plans.size() < wanted && more) {
            more = false;
            for (Database.Claimant c : claimants) {
                Instant start = next.get(c.id());
                if (!start.plus(Duration.ofMinutes(60)).isAfter(latestEnd)) {
                    plans.add(new Plan(c.id(), c.communityId(), start));
                    next.put(c.id(), start.plus(Duration.ofMinutes(61)));
                    more = true;
                    if (plans.size() == wanted) {
                        break;
                    }
                }
            }
        }
        tokens.signStaff(plans.stream().map(Plan::communityId).collect(Collectors.toSet()));
        say("claims: %d planned for %d volunteers", plans.size(), claimants.size());

        record Claim(long id, long communityId) {}
        List<Claim> claims = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger planned = new AtomicInteger();
        LoadRunner.Operation submit = new LoadRunner.Operation() {
            @Override
            public BenchHttp.Request next() {
                int i = planned.getAndIncrement();
                if (i >= plans.size()) {
                    return null;
                }
                Plan p = plans.get(i);
                String body = "{\"volunteerId\":" + p.volunteerId() + ",\"category\":\"DEFAULT\",\"startsAt\":\""
                        + TIME.format(p.start().atOffset(SHANGHAI)) + "\",\"endsAt\":\""
                        + TIME.format(p.start().plus(Duration.ofMinutes(60)).atOffset(SHANGHAI)) + "\"}";
                return BenchHttp.Request.post("/api/v1/hour-claims", tokens.staff(p.communityId()), body, null).tagged(p);
            }

            @Override
            public String check(BenchHttp.Request request, BenchHttp.Response response) {
                Plan p = (Plan) request.tag();
                if (response.status() != 201) {
                    return "HTTP " + response.status() + LoadRunner.problemCode(response);
                }
                Matcher m = ID.matcher(response.text());
                if (!m.find() || !response.text().contains("\"status\":\"PENDING\"")) {
                    return "claim answer without id or PENDING";
                }
                claims.add(new Claim(Long.parseLong(m.group(1)), p.communityId()));
                return null;
            }
        };
        record(runner.run("claim submission (setup)", submit, o.concurrency, 0, 0), null, BenchReport.Target.none(),
                null);

        AtomicInteger taken = new AtomicInteger();
        LoadRunner.Operation approve = new LoadRunner.Operation() {
            @Override
            public BenchHttp.Request next() {
                int i = taken.getAndIncrement();
                if (i >= claims.size()) {
                    return null;
                }
                Claim c = claims.get(i);
                return BenchHttp.Request.post("/api/v1/hour-claims/" + c.id() + "/decision", tokens.staff(c.communityId()),
                        "{\"decision\":\"APPROVE\"}", o.idempotencyKeys ? "bench-" + runId + "-approve-" + c.id() : null);
            }

            @Override
            public String check(BenchHttp.Request request, BenchHttp.Response response) {
                if (!response.ok()) {
                    return "HTTP " + response.status() + LoadRunner.problemCode(response);
                }
                String text = response.text();
                if (!text.contains("\"status\":\"APPROVED\"")) {
                    return "decision answer not APPROVED";
                }
                Matcher m = POINTS.matcher(text);
                if (m.find()) {
                    approvedPoints.add(Long.parseLong(m.group(1)));
                }
                return null;
            }
        };
        record(runner.run("approval", approve, o.concurrency, o.warmup, o.seconds), "approval",
                BenchReport.Target.write(1000, 50, 0.6), null);
    }

    // ---- redemptions ----

    private void redemptions() throws Exception {
        int wanted = o.writes();
        // codes for both rows; half of each wallet stays for the ceiling's postings
        redeemers = db.redeemers(o.redeemers, 2 * o.redeemPoints);
        List<Database.Shop> shops = db.shops();
        if (redeemers.isEmpty() || shops.isEmpty()) {
            report.note("redemptions not measured: " + (shops.isEmpty() ? "no shops" : "no volunteer may redeem "
                    + 2 * o.redeemPoints + " points"));
            return;
        }
        List<Long> codeOwners = new ArrayList<>();
        Map<Long, Long> capacity = new HashMap<>();
        redeemers.forEach(r -> capacity.put(r.id(), r.available() / (2 * o.redeemPoints)));
        boolean more = true;
        while (codeOwners.size() < 2 * wanted && more) {
            more = false;
            for (Database.Redeemer r : redeemers) {
                long left = capacity.get(r.id());
                if (left > 0) {
                    capacity.put(r.id(), left - 1);
                    codeOwners.add(r.id());
                    more = true;
                    if (codeOwners.size() == 2 * wanted) {
                        break;
                    }
                }
            }
        }
        tokens.signVolunteers(codeOwners.stream().distinct().toList());
        List<Database.Shop> shuffled = new ArrayList<>(shops);
        Collections.shuffle(shuffled);
        shopsUsed = shuffled.subList(0, Math.min(o.shops, shuffled.size()));
        hotShop = o.hotShop == null ? shops.get(0)
                : shops.stream().filter(s -> s.id() == o.hotShop).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no shop " + o.hotShop));
        List<Long> shopIds = new ArrayList<>(shopsUsed.stream().map(Database.Shop::id).toList());
        shopIds.add(hotShop.id());
        tokens.signShops(shopIds);
        say("payment codes: %d planned for %d volunteers; %d shops, hot shop %d", codeOwners.size(),
                new LinkedHashSet<>(codeOwners).size(), shopsUsed.size(), hotShop.id());

        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger issued = new AtomicInteger();
        LoadRunner.Operation issue = new LoadRunner.Operation() {
            @Override
            public BenchHttp.Request next() {
                int i = issued.getAndIncrement();
                if (i >= codeOwners.size()) {
                    return null;
                }
                long v = codeOwners.get(i);
                return BenchHttp.Request.post("/api/v1/volunteers/" + v + "/payment-codes", tokens.volunteer(v), null, null);
            }

            @Override
            public String check(BenchHttp.Request request, BenchHttp.Response response) {
                if (response.status() != 201) {
                    return "HTTP " + response.status() + LoadRunner.problemCode(response);
                }
                Matcher m = CODE.matcher(response.text());
                if (!m.find()) {
                    return "payment code answer without a code";
                }
                codes.add(m.group(1));
                return null;
            }
        };
        record(runner.run("payment code issue (setup)", issue, o.concurrency, 0, 0), null, BenchReport.Target.none(),
                null);
        List<String> many = new ArrayList<>();
        List<String> hot = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            (i % 2 == 0 ? many : hot).add(codes.get(i));
        }
        // issue 12: a redemption at >= 70% of its bare posting (an approval: 60%)
        BenchReport.Target target = BenchReport.Target.write(1000, 50, 0.7);
        record(runner.run("redemption, many shops", redeem(many, () -> shopsUsed.get(
                ThreadLocalRandom.current().nextInt(shopsUsed.size()))), o.concurrency, o.warmup, o.seconds),
                "redemption", target, null);
        record(runner.run("redemption, one hot shop", redeem(hot, () -> hotShop), o.concurrency, o.warmup, o.seconds),
                "redemption-hot", target.andShareOf(0.5, "redemption, many shops"), null);
    }

    private LoadRunner.Operation redeem(List<String> codes, java.util.function.Supplier<Database.Shop> shop) {
        AtomicInteger taken = new AtomicInteger();
        return new LoadRunner.Operation() {
            @Override
            public BenchHttp.Request next() {
                int i = taken.getAndIncrement();
                if (i >= codes.size()) {
                    return null;
                }
                Database.Shop s = shop.get();
                String code = codes.get(i);
                return BenchHttp.Request.post("/api/v1/redemptions", tokens.shop(s.id()),
                        "{\"shopId\":" + s.id() + ",\"code\":\"" + code + "\",\"points\":" + o.redeemPoints
                                + ",\"mode\":\"CAPTURE\"}",
                        o.idempotencyKeys ? "bench-" + runId + "-redeem-" + code : null);
            }

            @Override
            public String check(BenchHttp.Request request, BenchHttp.Response response) {
                if (!response.ok()) {
                    return "HTTP " + response.status() + LoadRunner.problemCode(response);
                }
                return response.text().contains("\"status\":\"CAPTURED\"") ? null : "redemption answer not CAPTURED";
            }
        };
    }

    // ---- the ceiling ----

    private void ceilings() throws Exception {
        int clients = o.ceilingClients != null ? o.ceilingClients : o.concurrency;
        int warmup = (int) Math.ceil(o.warmup);
        int seconds = (int) Math.ceil(o.seconds);
        Pgbench pgbench = new Pgbench(o.pgbench, db.target);

        // an approval: the community's issuance gives an hour, its budget (or issuance) the points
        List<Long> ids = claimantIds.isEmpty() ? sample.stream().map(Database.Volunteer::id).toList() : claimantIds;
        long points = approvedPoints.isEmpty() ? 1 : median(approvedPoints);
        List<long[]> accounts = new ArrayList<>();
        List<long[]> amounts = new ArrayList<>();
        for (Database.ApprovalAccounts a : db.approvalAccounts(ids.subList(0, Math.min(ids.size(), 20_000))).values()) {
            accounts.add(new long[] {a.hoursIssuance(), a.hoursWallet(), a.pointsSource(), a.pointsWallet()});
            amounts.add(new long[] {-60, 60, -points, points});
        }
        ceiling("approval", "APPROVAL", accounts, amounts, pgbench, clients, warmup, seconds);

        List<Database.Shop> shops = shopsUsed.isEmpty() ? db.shops() : shopsUsed;
        Database.Shop hot = hotShop != null ? hotShop : shops.isEmpty() ? null : shops.get(0);
        for (boolean isHot : new boolean[] {false, true}) {
            // the wallets as they are now, after the service's redemptions: each row of the table
            // is one redemption's worth of a wallet, and no row is used twice (see ceilingScript)
            List<Database.Redeemer> wallets = db.redeemers(o.redeemers, o.redeemPoints);
            if (wallets.isEmpty() || hot == null) {
                report.note("redemption ceiling not measured: no shops or no volunteer with points");
                return;
            }
            Map<Long, Long> left = new HashMap<>();
            wallets.forEach(w -> left.put(w.id(), Math.min(w.available() / o.redeemPoints, 1000)));
            accounts = new ArrayList<>();
            amounts = new ArrayList<>();
            boolean more = true;
            while (more && accounts.size() < 300_000) {
                more = false;
                for (Database.Redeemer w : wallets) {
                    long n = left.get(w.id());
                    if (n > 0) {
                        left.put(w.id(), n - 1);
                        Database.Shop s = isHot ? hot : shops.get(ThreadLocalRandom.current().nextInt(shops.size()));
                        accounts.add(new long[] {w.walletId(), s.settlementAccountId()});
                        amounts.add(new long[] {-o.redeemPoints, o.redeemPoints});
                        more = true;
                    }
                }
            }
            ceiling(isHot ? "redemption-hot" : "redemption", "REDEMPTION", accounts, amounts, pgbench, clients, warmup,
                    seconds);
        }
    }

    /** Runs pgbench posting rows of bench.ceiling_{key} through ledger_post, and records the row. */
    private void ceiling(String key, String kind, List<long[]> accounts, List<long[]> amounts, Pgbench pgbench,
                         int clients, int warmup, int seconds) throws Exception {
        if (accounts.isEmpty()) {
            report.note(key + " ceiling not measured: no accounts");
            return;
        }
        String table = "ceiling_" + key.replace('-', '_');
        db.ceilingTable(table, accounts, amounts);
        String script = ceilingScript(table, kind, accounts.size(), clients);
        Pgbench.Outcome out = pgbench.run(table, script, clients, 2, warmup, seconds, cpu);
        ceilings.put(key, out);
        Latencies.Summary s = out.latencies().summary();
        long errors = out.failed() + out.abortedClients();
        String name = "SQL ceiling: " + key.replace("-hot", ", one hot shop") + " posting";
        report.add(new BenchReport.Row(name, clients, out.processed(), errors, out.tps(), s.p50Ms(), s.p95Ms(), s.p99Ms(),
                null, BenchReport.Target.none(), "pgbench -c " + clients + " -j 2 -M prepared"));
        say("%-34s %8d tx %6d errors %8.0f tps  p50 %6.2f  p95 %6.2f  p99 %6.2f ms", name, out.processed(), errors,
                out.tps(), s.p50Ms(), s.p95Ms(), s.p99Ms());
        if (errors > 0) {
            say("pgbench said:%n%s", out.output());
        }
        if (out.cpu() != null && out.processed() > 0) {
            report.add(new BenchReport.Cpu(name + " (service: its background jobs)",
                    out.cpu().serviceSeconds() * 1000 / out.processed(),
                    out.cpu().databaseSeconds() * 1000 / out.processed(), Double.NaN));
        }
        // the service rows measured before the ceiling get their ratio now
        List<BenchReport.Row> rows = report.rows();
        for (int i = 0; i < rows.size(); i++) {
            BenchReport.Row r = rows.get(i);
            if (key.equals(ceilingKeyOf.get(r.operation()))) {
                rows.set(i, new BenchReport.Row(r.operation(), r.workers(), r.requests(), r.errors(), r.opsPerSecond(),
                        r.p50Ms(), r.p95Ms(), r.p99Ms(), out.tps(), r.target(), r.note()));
            }
        }
    }

    /**
     * One pgbench transaction: ledger_post of a row of the lookup table, as the service calls it.
     * Each client walks its own slice of the rows, one row per transaction ({@code n} is the
     * client's counter, Pgbench starts it where the warm-up left it), so a row is used once unless a
     * client goes round its slice. No colon in the text but the variables': pgbench takes
     * {@code :name} as a variable even inside a string literal.
     */
    static String ceilingScript(String table, String kind, int rows, int clients) {
        int slice = Math.max(1, rows / clients);
        return "\\set n :n + 1\n"
                + "\\set i (:client_id % " + clients + ") * " + slice + " + (:n - 1) % " + slice + " + 1\n"
                + "select ledger_post('" + kind + "', 'BENCHMARK', null, 'bench-ceiling', null, null, null, null, "
                + "accounts, amounts, array_fill(0::smallint, array[cardinality(accounts)])) "
                + "from bench." + table + " where i = :i;\n";
    }

    private final Map<String, String> ceilingKeyOf = new HashMap<>();

    static long median(List<Long> values) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    // ---- storage and machine ----

    private void storage() throws Exception {
        long postings = db.count("select count(*) from posting");
        long journal = db.journalBytes();
        long database = db.count("select pg_database_size(current_database())");
        double perPosting = postings == 0 ? Double.NaN : (double) journal / postings;
        String verdict = Double.isNaN(perPosting) ? "no postings" : perPosting <= 200 ? "PASS"
                : "MISS: " + BenchReport.fmt0(perPosting - 200) + " bytes over 200";
        report.fact("postings", String.format(Locale.ROOT, "%,d", postings));
        report.fact("journal bytes per posting", BenchReport.fmt0(perPosting)
                + " (posting, journal_transaction, journal_chain, account_delta, journal_unsealed with indexes: "
                + mib(journal) + "; target <= 200) " + verdict);
        report.fact("database bytes per posting", BenchReport.fmt0(postings == 0 ? Double.NaN : (double) database / postings)
                + " (whole database " + mib(database) + ")");
    }

    private void machine() throws Exception {
        report.fact("data set", String.format(Locale.ROOT, "%,d volunteers, %,d communities, %,d shops (database %s)",
                db.count("select count(*) from volunteer"),
                db.count("select count(*) from region where level = 'COMMUNITY'"),
                db.count("select count(*) from shop"), db.target.database()));
        report.fact("load", "closed-loop HTTP/1.1 workers (the table's \"workers\") on the same machine, "
                + BenchReport.fmt0(o.warmup)
                + " s warm-up + " + BenchReport.fmt0(o.seconds) + " s per row"
                + (o.idempotencyKeys ? ", writes with Idempotency-Key" : ", writes without Idempotency-Key"));
        report.fact("machine", Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
                + memory() + " RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + "; load average " + loadAtStart + " at the start, " + loadAverage() + " at the end (1, 5, 15 min)");
        report.fact("PostgreSQL", db.text("show server_version") + " (shared_buffers " + db.text("show shared_buffers")
                + ", synchronous_commit " + db.text("show synchronous_commit") + ", autovacuum "
                + db.text("show autovacuum") + "; vacuumed and analyzed by the benchmark before it started)");
        report.fact("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.fact("date", ZonedDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** /proc/loadavg's 1, 5 and 15 minute figures: others' work on a shared machine shows here. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("? GiB");
        } catch (IOException e) {
            return "? GiB";
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024.0 / 1024.0);
    }

    // ---- recording ----

    private void record(LoadRunner.Result r, String ceilingKey, BenchReport.Target target, String note) {
        Latencies.Summary s = r.latencies().summary();
        String n = note;
        if (r.exhausted() && target.minOpsPerSecond() != null) {
            n = (n == null ? "" : n + "; ") + "prepared work ran out after " + BenchReport.fmt1(r.windowSeconds()) + " s";
        }
        Pgbench.Outcome ceiling = ceilingKey == null ? null : ceilings.get(ceilingKey);
        if (ceilingKey != null) {
            ceilingKeyOf.put(r.name(), ceilingKey);
        }
        report.add(new BenchReport.Row(r.name(), r.concurrency(), r.completed(), r.errors(), r.opsPerSecond(), s.p50Ms(),
                s.p95Ms(), s.p99Ms(), ceiling == null ? null : ceiling.tps(), target, n));
        say("%-34s %8d ok %6d errors %8.0f ops/s  p50 %6.2f  p95 %6.2f  p99 %6.2f ms", r.name(), r.completed(),
                r.errors(), r.opsPerSecond(), s.p50Ms(), s.p95Ms(), s.p99Ms());
        LoadRunner.describeErrors(r, System.out::println);
        long ops = r.completed() + r.errors();
        if (r.cpu() != null && ops > 0) {
            CpuMeter.Usage u = r.cpu();
            report.add(new BenchReport.Cpu(r.name(), u.serviceSeconds() * 1000 / ops, u.databaseSeconds() * 1000 / ops,
                    u.loadSeconds() * 1000 / ops));
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
