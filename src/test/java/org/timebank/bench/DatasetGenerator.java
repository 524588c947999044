package org.timebank.bench;

import static org.timebank.bench.City.DAY;
import static org.timebank.bench.City.SECOND;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.timebank.hours.domain.ConversionRuleSet;
import org.timebank.hours.domain.OverCap;
import org.timebank.hours.domain.Rounding;
import org.timebank.volunteer.PiiProtector;
import org.timebank.volunteer.domain.PersonalData;

/**
 * Builds a Wuhan-sized data set into an empty database (README "A city-sized data set"): the
 * service's migrations, then a year of the time bank's life, written with COPY, then the indexes and
 * constraints, the ledger's invariants checked, VACUUM and ANALYZE.
 *
 * <pre>bench/dataset [--scale 1.0] [--jdbc-url jdbc:postgresql://127.0.0.1:5432/timebank_bench]
 *               [--user postgres] [--password ...] [--seed 1] [--reset]</pre>
 */
public final class DatasetGenerator {
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/timebank_bench";

    /** The tables written with COPY (truncated first, in the same transaction). */
    static final List<String> COPIED = List.of("volunteer", "account", "journal_transaction", "posting", "journal_chain",
            "hour_claim", "shop", "shop_item", "redemption", "redemption_line", "hold", "refund", "refund_line",
            "payment_code");

    record Options(double scale, String url, String user, String password, long seed, boolean reset) {
        static Options parse(String... args) {
            double scale = 1.0;
            String url = DEFAULT_URL;
            String user = "postgres";
            String password = null;
            long seed = 1;
            boolean reset = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--scale" -> scale = Double.parseDouble(args[++i]);
                    case "--jdbc-url" -> url = args[++i];
                    case "--user" -> user = args[++i];
                    case "--password" -> password = args[++i];
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--reset" -> reset = true;
                    case "--help", "-h" -> throw new IllegalArgumentException("");
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (!(scale > 0 && scale <= 2)) {
                throw new IllegalArgumentException("--scale must be in (0, 2]");
            }
            return new Options(scale, url, user, password, seed, reset);
        }
    }

    /** What a run produced, for the caller (the test) and the summary. */
    record Result(Map<String, Long> rows, long postings, long databaseBytes, long journalBytes, Duration elapsed,
                  Map<String, Long> events) {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println((e.getMessage().isEmpty() ? "" : e.getMessage() + "\n")
                    + "usage: bench/dataset [--scale <fraction, 1.0 = Wuhan>] [--jdbc-url <url>] [--user <user>] "
                    + "[--password <password>] [--seed <n>] [--reset]\n"
                    + "  builds a year of a Wuhan-sized time bank (1.86 million volunteers, 20+ million postings at 1.0)\n"
                    + "  into an empty database (created if missing; --reset drops and recreates it); default "
                    + DEFAULT_URL);
            System.exit(2);
            return;
        }
        new DatasetGenerator(options).run();
    }

    private final Options options;
    private final Properties credentials = new Properties();
    private final long began = System.nanoTime();

    DatasetGenerator(Options options) {
        this.options = options;
        credentials.setProperty("user", options.user());
        if (options.password() != null) {
            credentials.setProperty("password", options.password());
        }
    }

    Result run() throws Exception {
        log("data set at scale %s into %s (seed %d)", BigDecimal.valueOf(options.scale()).stripTrailingZeros().toPlainString(), options.url(),
                options.seed());
        prepareDatabase();
        phase("migrate", () -> {
            // one role owns and uses the data set: afterMigrate.sql then has nothing to grant
            Flyway.configure().dataSource(options.url(), options.user(), options.password())
                    .locations("classpath:db/migration").placeholders(Map.of("service_role", options.user()))
                    .load().migrate();
            return "schema migrated";
        });
        Instant now = Instant.now();
        City city = phase("plan", () -> new City(options.scale(), options.seed(), now));
        log("  %,d streets, %,d communities, %,d volunteers, %,d shops with %,d items", city.streets, city.communities,
                city.volunteers, city.shops, city.items);
        long[] claimDays = phase("plan claims", () -> Simulation.claimDays(city, options.seed() + 1));
        log("  %,d services planned over the year", claimDays.length);

        Result result;
        try (Connection c = connect()) {
            Map<Long, List<ConversionRuleSet>> rules = phase("regions and rules", () -> {
                insertRegions(c, city);
                return insertRules(c, city, new SplittableRandom(options.seed() + 2));
            });
            Schema schema = phase("drop indexes", () -> Schema.dropForLoad(c, COPIED));
            Map<String, Long> events = load(c, city, claimDays, rules);
            phase("indexes and constraints", () -> {
                schema.restore(this::connect, (what, seconds) -> log("  %-60s %6.1f s", what, seconds));
                return "rebuilt and validated (foreign keys included)";
            });
            phase("sequences", () -> Schema.resetSequences(c));
            phase("analyze", () -> {
                exec(c, "analyze");
                return "statistics gathered";
            });
            phase("check invariants", () -> {
                new Checks(c, this::connect, (what, seconds) -> log("  %-60s %6.1f s", what, seconds)).all();
                return "all hold";
            });
            phase("leaderboards", () -> {
                if (!scalar(c, "select to_regproc('leaderboard_rebuild') is not null", r -> r.getBoolean(1))) {
                    return "no leaderboard_rebuild() in this schema: skipped";
                }
                exec(c, "select leaderboard_rebuild()");
                return "leaderboard_rebuild() done";
            });
            phase("vacuum analyze", () -> {
                exec(c, "vacuum (analyze)");
                return "done";
            });
            result = summary(c, events);
        }
        return result;
    }

    // ---- the database ----

    private void prepareDatabase() throws SQLException {
        int slash = options.url().lastIndexOf('/');
        int query = options.url().indexOf('?', slash);
        String name = options.url().substring(slash + 1, query < 0 ? options.url().length() : query);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("database name " + name + ": letters, digits and _ only");
        }
        String maintenance = options.url().substring(0, slash + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(maintenance, credentials)) {
            boolean exists = scalar(c, "select count(*) from pg_database where datname = '" + name + "'",
                    r -> r.getLong(1) > 0);
            if (exists && options.reset()) {
                exec(c, "drop database " + name + " with (force)");
                log("dropped database %s", name);
                exists = false;
            }
            if (!exists) {
                exec(c, "create database " + name + " encoding 'UTF8' template template0");
                log("created database %s", name);
            }
        }
        try (Connection c = connect()) {
            long relations = scalar(c, "select count(*) from pg_class k join pg_namespace n on n.oid = k.relnamespace "
                    + "where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') "
                    + "and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'", r -> r.getLong(1));
            if (relations > 0) {
                throw new IllegalStateException("database " + name + " is not empty (" + relations
                        + " relations); use --reset to drop and recreate it");
            }
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(options.url(), credentials);
    }

    private BinaryCopy copy(String table, String columns) throws SQLException {
        return new BinaryCopy(connect(), table, columns);
    }

    private static void insertRegions(Connection c, City city) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement(
                "insert into region (id, parent_id, level, name, code, created_at) values (?, ?, ?, ?, ?, ?)")) {
            long t = city.start - 120 * DAY;
            addRegion(s, City.cityId(), null, "CITY", "武汉市", "4201", t);
            for (int d = 0; d < Names.DISTRICTS.length; d++) {
                addRegion(s, City.districtId(d), City.cityId(), "DISTRICT", Names.DISTRICTS[d].name(),
                        Names.DISTRICTS[d].code(), t + DAY + d * SECOND);
            }
            for (int st = 0; st < city.streets; st++) {
                addRegion(s, city.streetId(st), City.districtId(city.streetDistrict[st]), "STREET", city.streetName[st],
                        city.streetCode[st], t + 2 * DAY + st * SECOND);
            }
            for (int k = 0; k < city.communities; k++) {
                addRegion(s, city.communityId(k), city.streetId(city.communityStreet[k]), "COMMUNITY",
                        city.communityName[k], city.communityCode[k], city.communityCreatedAt(k));
            }
            s.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static void addRegion(PreparedStatement s, long id, Long parent, String level, String name, String code,
                                  long at) throws SQLException {
        s.setLong(1, id);
        if (parent == null) {
            s.setNull(2, java.sql.Types.BIGINT);
        } else {
            s.setLong(2, parent);
        }
        s.setString(3, level);
        s.setString(4, name);
        s.setString(5, code);
        s.setTimestamp(6, Timestamp.from(Journal.instant(at)));
        s.addBatch();
    }

    /**
     * The conversion rules: the city's (2 points per hour, 3 for care of the elderly, raised to 4
     * half-way through the year), 武昌区's own, and about 2% of communities' own with a cap on stored
     * hours (over it, DONATE_TO_POOL).
     */
    private static Map<Long, List<ConversionRuleSet>> insertRules(Connection c, City city, SplittableRandom random)
            throws SQLException {
        record Plan(long region, long effective, long created, int granularity, Rounding rounding,
                    Map<String, String> rates, Long cap) {}
        List<Plan> plans = new ArrayList<>();
        Map<String, String> city1 = rates("DEFAULT", "2", "ELDERLY_VISIT", "3", "ELDERLY_CARE", "3", "KITCHEN", "3",
                "TUTORING", "3", "PATROL", "2", "ENVIRONMENT", "2", "HEALTH", "2", "CULTURE", "1.5");
        Map<String, String> city2 = new LinkedHashMap<>(city1);
        city2.put("ELDERLY_VISIT", "4");
        city2.put("ELDERLY_CARE", "4");
        long before = city.start - 30 * DAY;
        plans.add(new Plan(City.cityId(), before, before - 5 * DAY, 15, Rounding.DOWN, city1, null));
        plans.add(new Plan(City.districtId(4), before, before - 4 * DAY, 30, Rounding.HALF_UP,
                rates("DEFAULT", "2", "ELDERLY_VISIT", "3", "KITCHEN", "4", "TUTORING", "3"), null));
        long midYear = city.start + 182 * DAY;
        plans.add(new Plan(City.cityId(), midYear, midYear - 7 * DAY, 15, Rounding.DOWN, city2, null));
        int own = Math.max(1, (int) Math.round(city.communities * 0.02));
        for (int k = 0; k < own; k++) {
            int community = random.nextInt(city.communities);
            long effective = city.start + random.nextLong(300) * DAY;
            long[] caps = {30_000, 60_000, 90_000};
            plans.add(new Plan(city.communityId(community), effective, effective - 3 * DAY, 15, Rounding.HALF_UP,
                    rates("DEFAULT", "2", "KITCHEN", "6", "ELDERLY_VISIT", "3"), caps[random.nextInt(caps.length)]));
        }
        plans.sort((a, b) -> Long.compare(a.created(), b.created()));
        Map<Long, List<ConversionRuleSet>> byRegion = new LinkedHashMap<>();
        c.setAutoCommit(false);
        try (PreparedStatement set = c.prepareStatement("insert into conversion_rule_set (region_id, version, "
                + "effective_from, granularity_minutes, rounding, hours_cap_minutes, over_cap, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id");
             PreparedStatement rule = c.prepareStatement(
                     "insert into conversion_rule (rule_set_id, category, points_per_hour) values (?, ?, ?)")) {
            for (Plan p : plans) {
                List<ConversionRuleSet> versions = byRegion.computeIfAbsent(p.region(), r -> new ArrayList<>());
                if (versions.stream().anyMatch(v -> v.effectiveFrom().equals(Journal.instant(p.effective())))) {
                    continue; // a community drawn twice keeps its first set
                }
                int version = versions.size() + 1;
                set.setLong(1, p.region());
                set.setInt(2, version);
                set.setTimestamp(3, Timestamp.from(Journal.instant(p.effective())));
                set.setInt(4, p.granularity());
                set.setString(5, p.rounding().name());
                if (p.cap() == null) {
                    set.setNull(6, java.sql.Types.BIGINT);
                    set.setNull(7, java.sql.Types.VARCHAR);
                } else {
                    set.setLong(6, p.cap());
                    set.setString(7, OverCap.DONATE_TO_POOL.name());
                }
                set.setString(8, City.ADMIN);
                set.setTimestamp(9, Timestamp.from(Journal.instant(p.created())));
                int id;
                try (ResultSet r = set.executeQuery()) {
                    r.next();
                    id = r.getInt(1);
                }
                Map<String, BigDecimal> rates = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : p.rates().entrySet()) {
                    rates.put(e.getKey(), new BigDecimal(e.getValue()));
                    rule.setInt(1, id);
                    rule.setString(2, e.getKey());
                    rule.setBigDecimal(3, new BigDecimal(e.getValue()));
                    rule.addBatch();
                }
                versions.add(new ConversionRuleSet(id, p.region(), version, Journal.instant(p.effective()),
                        p.granularity(), p.rounding(), rates, p.cap(), p.cap() == null ? null : OverCap.DONATE_TO_POOL));
            }
            rule.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        // newest effective first, as ConversionRuleStore.inForce orders them
        byRegion.values().forEach(v -> v.sort((a, b) -> a.effectiveFrom().equals(b.effectiveFrom())
                ? Integer.compare(b.version(), a.version()) : b.effectiveFrom().compareTo(a.effectiveFrom())));
        return byRegion;
    }

    private static Map<String, String> rates(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    // ---- the load ----

    private Map<String, Long> load(Connection c, City city, long[] claimDays, Map<Long, List<ConversionRuleSet>> rules)
            throws Exception {
        PiiProtector pii = devKeys();
        long t0 = System.nanoTime();
        BinaryCopy volunteers = copy("volunteer", VOLUNTEER_COLUMNS);
        AtomicReference<Throwable> volunteerFailure = new AtomicReference<>();
        Thread volunteerWriter = new Thread(() -> {
            try {
                writeVolunteers(city, pii, volunteers, options.seed() + 3);
                volunteers.finish();
            } catch (Throwable e) {
                volunteerFailure.set(e);
                volunteers.close();
            }
        }, "volunteers");
        volunteerWriter.start();

        List<BinaryCopy> streams = new ArrayList<>();
        BinaryCopy transactions = track(streams, copy("journal_transaction", Journal.TRANSACTION_COLUMNS));
        BinaryCopy postings = track(streams, copy("posting", Journal.POSTING_COLUMNS));
        BinaryCopy chain = track(streams, copy("journal_chain", Journal.CHAIN_COLUMNS));
        Simulation.Out out = new Simulation.Out(track(streams, copy("hour_claim", Simulation.CLAIM_COLUMNS)),
                track(streams, copy("shop", Simulation.SHOP_COLUMNS)),
                track(streams, copy("shop_item", Simulation.ITEM_COLUMNS)),
                track(streams, copy("redemption", Simulation.REDEMPTION_COLUMNS)),
                track(streams, copy("redemption_line", Simulation.LINE_COLUMNS)),
                track(streams, copy("hold", Simulation.HOLD_COLUMNS)),
                track(streams, copy("refund", Simulation.REFUND_COLUMNS)),
                track(streams, copy("refund_line", Simulation.REFUND_LINE_COLUMNS)),
                track(streams, copy("payment_code", Simulation.PAYMENT_CODE_COLUMNS)));
        Journal journal = Journal.withSeededAccounts(c, transactions, postings, chain);
        Simulation simulation = new Simulation(city, journal, out, pii, rules, options.seed() + 4);

        Thread progress = new Thread(() -> {
            long lastPostings = 0;
            long lastAt = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    return;
                }
                long p = journal.postingCount();
                long at = System.nanoTime();
                log("  [journal] day %3d/%d  %,13d transactions  %,13d postings (%,.0f/s)  %,11d volunteers written",
                        simulation.day, city.today, journal.lastTransactionId(), p,
                        (p - lastPostings) / ((at - lastAt) / 1e9), volunteers.rows());
                lastPostings = p;
                lastAt = at;
            }
        }, "progress");
        progress.setDaemon(true);
        progress.start();
        try {
            simulation.run(claimDays);
            journal.drain();
        } catch (RuntimeException e) {
            progress.interrupt();
            streams.forEach(BinaryCopy::close);
            volunteers.close();
            throw e;
        }
        double simulated = (System.nanoTime() - t0) / 1e9;
        log("[simulate] %,d transactions, %,d postings, %,d claims, %,d redemptions in %.1f s (%,.0f postings/s)",
                journal.lastTransactionId(), journal.postingCount(), simulation.claimCount(),
                simulation.redemptionCount(), simulated, journal.postingCount() / simulated);
        BinaryCopy accounts = track(streams, copy("account", Journal.ACCOUNT_COLUMNS));
        journal.writeAccounts(accounts);
        for (BinaryCopy s : streams) {
            s.finish();
        }
        volunteerWriter.join();
        progress.interrupt();
        if (volunteerFailure.get() != null) {
            throw new IllegalStateException("writing volunteers failed", volunteerFailure.get());
        }
        log("[load] %,d rows in %d tables committed in %.1f s", streams.stream().mapToLong(BinaryCopy::rows).sum()
                + volunteers.rows(), streams.size() + 1, (System.nanoTime() - t0) / 1e9);
        Map<String, Long> events = new LinkedHashMap<>(simulation.counts());
        events.put("postings", journal.postingCount());
        return events;
    }

    private static BinaryCopy track(List<BinaryCopy> streams, BinaryCopy copy) {
        streams.add(copy);
        return copy;
    }

    static final String VOLUNTEER_COLUMNS = "id, home_community_id, name, phone_cipher, phone_hash, id_number_cipher, "
            + "id_number_hash, created_by, created_at";
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * Volunteers as VolunteerService.register stores them: phone (13800000000 + id - 1, so unique)
     * and, for about a third, a resident ID number, each AES-GCM encrypted and HMAC-hashed with the
     * keys the service reads (PiiProtector itself), under the kinds "phone" and "id-number".
     */
    private static void writeVolunteers(City city, PiiProtector pii, BinaryCopy out, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate firstBirthday = LocalDate.of(1945, 1, 1);
        for (int i = 0; i < city.volunteers; i++) {
            int home = city.home[i];
            String phone = PersonalData.normalizePhone(Long.toString(13_800_000_000L + i));
            String idNumber = null;
            boolean withIdNumber = random.nextDouble() < 0.3;
            if (withIdNumber) {
                String body = Names.DISTRICTS[city.streetDistrict[city.communityStreet[home]]].code()
                        + firstBirthday.plusDays(i % 21_900).format(BIRTH) + String.format("%03d", i / 21_900 % 1000);
                int sum = 0;
                for (int k = 0; k < 17; k++) {
                    sum += (body.charAt(k) - '0') * ID_WEIGHTS[k];
                }
                idNumber = PersonalData.normalizeIdNumber(body + ID_CHECK.charAt(sum % 11));
            }
            if (phone == null || (withIdNumber && idNumber == null)) {
                throw new IllegalStateException("invalid personal numbers for volunteer " + (i + 1));
            }
            out.row(9).int8(i + 1L).int8(city.communityId(home)).text(Names.person(random)).bytes(pii.encrypt(phone))
                    .bytes(pii.hash("phone", phone)).bytes(idNumber == null ? null : pii.encrypt(idNumber))
                    .bytes(idNumber == null ? null : pii.hash("id-number", idNumber))
                    .text(city.communityStaff(home, 1)).timestamp(city.registeredAt[i]);
        }
    }

    /**
     * The personal-data keys of the service's dev profile (the benchmark runs the service with them),
     * unless TIMEBANK_PII_ENCRYPTION_KEY / TIMEBANK_PII_HASH_KEY are set.
     */
    static PiiProtector devKeys() throws IOException {
        Properties p = new Properties();
        try (InputStream in = DatasetGenerator.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        String encryption = System.getenv().getOrDefault("TIMEBANK_PII_ENCRYPTION_KEY",
                p.getProperty("%dev.timebank.pii.encryption-key"));
        String hash = System.getenv().getOrDefault("TIMEBANK_PII_HASH_KEY", p.getProperty("%dev.timebank.pii.hash-key"));
        return new PiiProtector(encryption, hash);
    }

    // ---- the summary ----

    private Result summary(Connection c, Map<String, Long> events) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select relname from pg_class where relnamespace = 'public'::regnamespace "
                     + "and relkind = 'r' order by relname")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        for (String t : tables) {
            rows.put(t, scalar(c, "select count(*) from " + t, r -> r.getLong(1)));
        }
        long postings = rows.get("posting");
        long database = scalar(c, "select pg_database_size(current_database())", r -> r.getLong(1));
        long journal = scalar(c, "select pg_total_relation_size('posting') + pg_total_relation_size('journal_transaction') "
                + "+ pg_total_relation_size('journal_chain')", r -> r.getLong(1));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        log("");
        log("==== data set summary (scale %s) ====", BigDecimal.valueOf(options.scale()).stripTrailingZeros().toPlainString());
        events.forEach((k, v) -> log("  %-40s %,14d", k, v));
        log("  ---- rows per table ----");
        rows.forEach((k, v) -> {
            if (v > 0) {
                log("  %-40s %,14d  %10s", k, v, size(c, k));
            }
        });
        log("  ---- size ----");
        log("  %-40s %,14d", "postings", postings);
        log("  %-40s %14s", "database", human(database));
        log("  %-40s %14s  %,.0f bytes per posting", "posting + journal_transaction + journal_chain", human(journal),
                (double) journal / Math.max(1, postings));
        log("  %-40s %14s  %,.0f bytes per posting", "whole database", human(database),
                (double) database / Math.max(1, postings));
        log("  %-40s %14s", "elapsed", format(elapsed));
        log("  hot shop: id 1 (%s); first volunteer id 1; volunteers ids 1..%d", "武汉市慈善超市（江汉路总店）",
                rows.get("volunteer"));
        return new Result(rows, postings, database, journal, elapsed, events);
    }

    private static String size(Connection c, String table) {
        try {
            return human(scalar(c, "select pg_total_relation_size('" + table + "')", r -> r.getLong(1)));
        } catch (SQLException e) {
            return "?";
        }
    }

    static String human(long bytes) {
        if (bytes < 1 << 20) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1024.0);
        }
        if (bytes < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1073741824.0);
    }

    private static String format(Duration d) {
        return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }

    // ---- helpers ----

    interface Step<T> {
        T run() throws Exception;
    }

    private <T> T phase(String name, Step<T> step) throws Exception {
        long t = System.nanoTime();
        T result = step.run();
        double seconds = (System.nanoTime() - t) / 1e9;
        log("[%s] %s in %.1f s", name, result instanceof String s ? s : "done", seconds);
        return result;
    }

    private void log(String format, Object... args) {
        double elapsed = (System.nanoTime() - began) / 1e9;
        System.out.printf(Locale.ROOT, "%7.1fs %s%n", elapsed, String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    interface Read<T> {
        T read(ResultSet r) throws SQLException;
    }

    static <T> T scalar(Connection c, String sql, Read<T> read) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return read.read(r);
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
