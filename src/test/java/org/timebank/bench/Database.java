package org.timebank.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The benchmark's look into the service's database: it samples the test data (read only) and,
 * for the ceiling, writes its lookup tables into a scratch schema {@code bench}.
 */
final class Database implements AutoCloseable {
    /** Where the database is, as pgbench needs it too. */
    record Target(String host, int port, String database, String user, String password, String schema) {
        /** Reads jdbc:postgresql://host:port/database[?currentSchema=...]. */
        static Target of(String jdbcUrl, String user, String password) {
            if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
            }
            URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
            String schema = "public";
            if (u.getQuery() != null) {
                for (String kv : u.getQuery().split("&")) {
                    if (kv.startsWith("currentSchema=")) {
                        schema = kv.substring("currentSchema=".length());
                    }
                }
            }
            return new Target(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), u.getPath().substring(1), user,
                    password, schema);
        }
    }

    /** A volunteer and the regions above their home community. */
    record Volunteer(long id, long communityId, long streetId, long cityId) {}

    /** A volunteer who may claim hours after {@code freeFrom} (their live claims end before it). */
    record Claimant(long id, long communityId, Instant freeFrom) {}

    /** A volunteer who may redeem: over any threshold, with {@code available} points. */
    record Redeemer(long id, long walletId, long available) {}

    record Shop(long id, long settlementAccountId, long communityId) {}

    /** The accounts an approval of this volunteer's hours posts to (ApprovalPostings). */
    record ApprovalAccounts(long hoursIssuance, long hoursWallet, long pointsSource, long pointsWallet) {}

    private final Connection c;
    final Target target;

    Database(String jdbcUrl, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "timebank-benchmark");
        this.c = DriverManager.getConnection(jdbcUrl, p);
        this.target = Target.of(jdbcUrl, user, password);
    }

    long count(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** True when the schema has leaderboards, none of them has a score, and claims were approved. */
    boolean leaderboardsNeedRebuild() throws SQLException {
        return count("select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                + "where p.proname = 'leaderboard_rebuild' and n.nspname = current_schema()") > 0
                && count("select count(*) from (select 1 from leaderboard_score limit 1) s") == 0
                && count("select count(*) from (select 1 from hour_claim where status = 'APPROVED' limit 1) c") > 0;
    }

    String text(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    List<Volunteer> volunteers(int n) throws SQLException {
        List<Volunteer> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select v.id, v.home_community_id, r.path[3], r.path[1] "
                + "from volunteer v join region r on r.id = v.home_community_id order by random() limit ?")) {
            s.setInt(1, n);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Volunteer(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
                }
            }
        }
        return out;
    }

    /** Random volunteers with where their live (pending or approved) claims end, if they have any. */
    List<Claimant> claimants(int n) throws SQLException {
        List<Claimant> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select v.id, v.home_community_id, "
                + "(select max(h.ends_at) from hour_claim h where h.volunteer_id = v.id "
                + "   and h.status in ('PENDING', 'AWAITING_SECOND_REVIEW', 'APPROVED')) "
                + "from (select id, home_community_id from volunteer order by random() limit ?) v")) {
            s.setInt(1, n);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    java.sql.Timestamp end = r.getTimestamp(3);
                    out.add(new Claimant(r.getLong(1), r.getLong(2), end == null ? Instant.EPOCH : end.toInstant()));
                }
            }
        }
        return out;
    }

    /**
     * The volunteers with the most points among those who may redeem at least {@code minPoints}
     * now: available points in the wallet, and confirmed minutes at or over the redemption rule of
     * their home community's path (the query RedemptionStore.claimAndRead asks). Most volunteers spend
     * what they earn, so these are the ones whose wallets carry many redemptions each.
     */
    List<Redeemer> redeemers(int n, long minPoints) throws SQLException {
        List<Redeemer> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select v.id, w.id, "
                + "w.credits_posted - w.debits_posted - w.debits_pending "
                + "from volunteer v join region h on h.id = v.home_community_id "
                + "join account w on w.owner_type = 'VOLUNTEER' and w.owner_id = v.id and w.asset = 'POINTS' "
                + " and w.purpose = 'VOLUNTEER_WALLET' "
                + "join account m on m.owner_type = 'VOLUNTEER' and m.owner_id = v.id and m.asset = 'HOURS' "
                + " and m.purpose = 'VOLUNTEER_WALLET' "
                + "where w.credits_posted - w.debits_posted - w.debits_pending >= ? "
                + "and m.credits_posted - m.debits_posted >= coalesce((select rr.min_minutes from redemption_rule rr "
                + "   where rr.region_id = any (h.path) order by region_path_distance(h.path, rr.region_id) limit 1), 0) "
                + "order by 3 desc limit ?")) {
            s.setLong(1, minPoints);
            s.setInt(2, n);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Redeemer(r.getLong(1), r.getLong(2), r.getLong(3)));
                }
            }
        }
        return out;
    }

    List<Shop> shops() throws SQLException {
        List<Shop> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id, settlement_account_id, region_id from shop order by id")) {
            while (r.next()) {
                out.add(new Shop(r.getLong(1), r.getLong(2), r.getLong(3)));
            }
        }
        return out;
    }

    /** Per volunteer, the accounts their approval posts to: the community's budget if it has one. */
    Map<Long, ApprovalAccounts> approvalAccounts(List<Long> volunteerIds) throws SQLException {
        Map<Long, ApprovalAccounts> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select v.id, hi.id, coalesce(b.id, pi.id), hw.id, pw.id "
                + "from volunteer v "
                + "join account hw on hw.owner_type = 'VOLUNTEER' and hw.owner_id = v.id and hw.asset = 'HOURS' "
                + " and hw.purpose = 'VOLUNTEER_WALLET' "
                + "join account pw on pw.owner_type = 'VOLUNTEER' and pw.owner_id = v.id and pw.asset = 'POINTS' "
                + " and pw.purpose = 'VOLUNTEER_WALLET' "
                + "join account hi on hi.owner_type = 'REGION' and hi.owner_id = v.home_community_id "
                + " and hi.asset = 'HOURS' and hi.purpose = 'COMMUNITY_ISSUANCE' "
                + "join account pi on pi.owner_type = 'REGION' and pi.owner_id = v.home_community_id "
                + " and pi.asset = 'POINTS' and pi.purpose = 'COMMUNITY_ISSUANCE' "
                + "left join account b on b.owner_type = 'REGION' and b.owner_id = v.home_community_id "
                + " and b.asset = 'POINTS' and b.purpose = 'COMMUNITY_BUDGET' "
                + "where v.id = any (?)")) {
            s.setArray(1, c.createArrayOf("bigint", volunteerIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getLong(1), new ApprovalAccounts(r.getLong(2), r.getLong(4), r.getLong(3), r.getLong(5)));
                }
            }
        }
        return out;
    }

    /**
     * Writes a lookup table bench.{@code name}(i, accounts, amounts) of postings for pgbench to
     * pick from by a random i in 1..rows.size().
     */
    void ceilingTable(String name, List<long[]> accounts, List<long[]> amounts) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("drop table if exists bench." + name);
            s.execute("create table bench." + name
                    + " (i integer primary key, accounts bigint[] not null, amounts bigint[] not null)");
        }
        try (PreparedStatement s = c.prepareStatement("insert into bench." + name + " values (?, ?, ?)")) {
            for (int i = 0; i < accounts.size(); i++) {
                s.setInt(1, i + 1);
                s.setArray(2, c.createArrayOf("bigint", box(accounts.get(i))));
                s.setArray(3, c.createArrayOf("bigint", box(amounts.get(i))));
                s.addBatch();
            }
            s.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("analyze bench." + name);
        }
        c.commit();
        c.setAutoCommit(auto);
    }

    private static Long[] box(long[] a) {
        Long[] b = new Long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
        return b;
    }

    /** The server processes of the other connections to this database (the service's pool, pgbench). */
    List<Integer> backendPids() throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pid from pg_stat_activity "
                + "where datname = current_database() and pid <> pg_backend_pid()")) {
            while (r.next()) {
                out.add(r.getInt(1));
            }
        }
        return out;
    }

    /** The journal's tables with their indexes and TOAST, in bytes. */
    long journalBytes() throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select coalesce(sum(pg_total_relation_size(c.oid)), 0) "
                + "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = ? and c.relkind = 'r' and c.relname in "
                + "('posting', 'journal_transaction', 'journal_chain', 'account_delta', 'journal_unsealed')")) {
            s.setString(1, target.schema());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
