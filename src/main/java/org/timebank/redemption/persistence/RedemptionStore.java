package org.timebank.redemption.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.timebank.common.Jdbc;
import org.timebank.redemption.domain.Redemption;
import org.timebank.redemption.domain.RedemptionMode;
import org.timebank.redemption.domain.RedemptionStatus;
import org.timebank.redemption.domain.ShopKind;
import org.timebank.redemption.domain.ShopStatement;

/** Shops, catalogue items, payment codes and redemptions: plain SQL, one statement per step. */
@ApplicationScoped
public class RedemptionStore {
    @Inject
    Jdbc jdbc;

    public record ShopRow(long id, String name, ShopKind kind, long regionId, long settlementAccountId,
                          OffsetDateTime createdAt) {}

    public record ItemRow(long id, long shopId, String name, long pointsPrice, int stock, boolean active) {}

    public record CodeState(boolean used, boolean expired) {}

    public record RedemptionRow(long id, long shopId, long volunteerId, RedemptionMode mode, RedemptionStatus status,
                                long points, Long capturedPoints, long refundedPoints, long transactionId,
                                Long captureTransactionId, String createdBy, OffsetDateTime createdAt,
                                OffsetDateTime resolvedAt) {}

    public record RefundRow(long id, long redemptionId, long points, long transactionId, String createdBy,
                            OffsetDateTime createdAt) {}

    // ---- shops and items ----

    public long nextShopId() {
        return nextId("shop");
    }

    public void insertShop(long id, String name, ShopKind kind, long regionId, long settlementAccountId, String actor) {
        update("insert into shop (id, name, kind, region_id, settlement_account_id, created_by) values (?, ?, ?, ?, ?, ?)",
                id, name, kind.name(), regionId, settlementAccountId, actor);
    }

    public Optional<ShopRow> shop(long id) {
        return one("select id, name, kind, region_id, settlement_account_id, created_at from shop where id = ?",
                r -> new ShopRow(r.getLong(1), r.getString(2), ShopKind.valueOf(r.getString(3)), r.getLong(4),
                        r.getLong(5), r.getObject(6, OffsetDateTime.class)), id);
    }

    /** The first shop of this name in this region. */
    public Optional<Long> shopNamed(long regionId, String name) {
        return one("select id from shop where region_id = ? and name = ? order by id limit 1", r -> r.getLong(1),
                regionId, name);
    }

    /** The level of a region, if it exists. */
    public Optional<String> regionLevel(long regionId) {
        return one("select level from region where id = ?", r -> r.getString(1), regionId);
    }

    public List<ItemRow> items(long shopId) {
        return list("select id, shop_id, name, points_price, stock, active from shop_item where shop_id = ? order by id",
                RedemptionStore::item, shopId);
    }

    public long insertItem(long shopId, String name, long pointsPrice, int stock, boolean active) {
        return one("insert into shop_item (shop_id, name, points_price, stock, active) values (?, ?, ?, ?, ?) returning id",
                r -> r.getLong(1), shopId, name, pointsPrice, stock, active).orElseThrow();
    }

    /** Rewrites an item of this shop; false if the shop has no such item. */
    public boolean updateItem(long shopId, long itemId, String name, long pointsPrice, int stock, boolean active) {
        return update("update shop_item set name = ?, points_price = ?, stock = ?, active = ?, updated_at = now() "
                + "where id = ? and shop_id = ?", name, pointsPrice, stock, active, itemId, shopId) == 1;
    }

    /**
     * Takes {@code quantity} units of an active item of this shop, if that many are in stock: one
     * conditional UPDATE, so concurrent takers can never drive the stock below zero. Returns the price.
     */
    public Optional<Long> takeStock(long shopId, long itemId, int quantity) {
        return one("update shop_item set stock = stock - ? where id = ? and shop_id = ? and active and stock >= ? "
                + "returning points_price", r -> r.getLong(1), quantity, itemId, shopId, quantity);
    }

    public Optional<ItemRow> item(long shopId, long itemId) {
        return one("select id, shop_id, name, points_price, stock, active from shop_item where id = ? and shop_id = ?",
                RedemptionStore::item, itemId, shopId);
    }

    public void restoreStock(long itemId, int quantity) {
        update("update shop_item set stock = stock + ? where id = ?", quantity, itemId);
    }

    // ---- payment codes ----

    /**
     * Stores a new code valid for {@code ttl} by the database clock (the one that judges its use);
     * its expiry, or empty if the hash is taken already (a collision: draw again).
     */
    public Optional<OffsetDateTime> insertPaymentCode(byte[] codeHash, long volunteerId, Duration ttl) {
        return one("insert into payment_code (code_hash, volunteer_id, expires_at) "
                + "values (?, ?, clock_timestamp() + ? * interval '1 millisecond') on conflict do nothing "
                + "returning expires_at", r -> r.getObject(1, OffsetDateTime.class), codeHash, volunteerId, ttl.toMillis());
    }

    /** A volunteer's confirmed service and the threshold (if any) their home community's rules set for redeeming. */
    public record Standing(long confirmedMinutes, Long minMinutes) {}

    public Standing standing(long volunteerId) {
        return one("select a.credits_posted - a.debits_posted, "
                + "(select rr.min_minutes from redemption_rule rr where rr.region_id = any (h.path) "
                + "  order by region_path_distance(h.path, rr.region_id) limit 1) "
                + "from volunteer v join region h on h.id = v.home_community_id "
                + "join account a on a.owner_type = 'VOLUNTEER' and a.owner_id = v.id and a.asset = 'HOURS' "
                + "and a.purpose = 'VOLUNTEER_WALLET' where v.id = ?",
                r -> new Standing(r.getLong(1), (Long) r.getObject(2, Long.class)), volunteerId).orElseThrow();
    }

    public boolean volunteerExists(long volunteerId) {
        return one("select 1 from volunteer where id = ?", r -> true, volunteerId).isPresent();
    }

    /** Claims an unused, unexpired code for a shop in one statement; the volunteer it belongs to, if it won. */
    public Optional<Long> claimPaymentCode(byte[] codeHash, long shopId) {
        return one("update payment_code set used_at = now(), shop_id = ? "
                + "where code_hash = ? and used_at is null and expires_at > now() returning volunteer_id",
                r -> r.getLong(1), shopId, codeHash);
    }

    /** Why a code could not be claimed: used, expired, or (empty) unknown. */
    public Optional<CodeState> paymentCodeState(byte[] codeHash) {
        return one("select used_at is not null, expires_at <= now() from payment_code where code_hash = ?",
                r -> new CodeState(r.getBoolean(1), r.getBoolean(2)), codeHash);
    }

    // ---- redemptions ----

    public long nextRedemptionId() {
        return nextId("redemption");
    }

    /** Inserts a redemption; returns it as stored (one round trip). */
    public RedemptionRow insertRedemption(long id, long shopId, long volunteerId, RedemptionMode mode,
                                          RedemptionStatus status, long points, Long capturedPoints, long transactionId,
                                          String actor) {
        return one("insert into redemption (id, shop_id, volunteer_id, mode, status, points, captured_points, "
                        + "transaction_id, created_by, resolved_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "case when ? = 'HELD' then null else now() end) returning " + REDEMPTION_COLUMNS,
                RedemptionStore::redemption, id, shopId, volunteerId, mode.name(), status.name(), points,
                capturedPoints, transactionId, actor, status.name()).orElseThrow();
    }

    public void insertLine(long redemptionId, long itemId, int quantity, long pointsPrice) {
        update("insert into redemption_line (redemption_id, item_id, quantity, points_price) values (?, ?, ?, ?)",
                redemptionId, itemId, quantity, pointsPrice);
    }

    public List<Redemption.Line> lines(long redemptionId) {
        return list("select item_id, quantity, points_price, released_quantity, refunded_quantity from redemption_line "
                + "where redemption_id = ? order by item_id", r -> line(r, 1), redemptionId);
    }

    /** The lines of many redemptions at once, in redemption then item order. */
    public List<Map.Entry<Long, Redemption.Line>> lines(List<Long> redemptionIds) {
        return list("select redemption_id, item_id, quantity, points_price, released_quantity, refunded_quantity "
                        + "from redemption_line where redemption_id = any(?) order by redemption_id, item_id",
                r -> Map.entry(r.getLong(1), line(r, 2)), (Object) redemptionIds.toArray(new Long[0]));
    }

    /** Puts {@code quantity} units of a held line back on the shelf, and says so on the line. */
    public void releaseUnits(long redemptionId, long itemId, int quantity) {
        update("update redemption_line set released_quantity = released_quantity + ? "
                + "where redemption_id = ? and item_id = ?", quantity, redemptionId, itemId);
        restoreStock(itemId, quantity);
    }

    public List<RedemptionRow> shopRedemptions(long shopId, Long before, int limit) {
        return list("select " + REDEMPTION_COLUMNS + " from redemption where shop_id = ? and id < ? "
                + "order by id desc limit ?", RedemptionStore::redemption, shopId, before == null ? Long.MAX_VALUE : before,
                limit);
    }

    // ---- refunds ----

    public long nextRefundId() {
        return nextId("refund");
    }

    public void insertRefund(long id, long redemptionId, long shopId, long points, long transactionId, String actor) {
        update("insert into refund (id, redemption_id, shop_id, points, transaction_id, created_by) "
                + "values (?, ?, ?, ?, ?, ?)", id, redemptionId, shopId, points, transactionId, actor);
    }

    public void insertRefundLine(long refundId, long redemptionId, long itemId, int quantity) {
        update("insert into refund_line (refund_id, item_id, quantity) values (?, ?, ?)", refundId, itemId, quantity);
        update("update redemption_line set refunded_quantity = refunded_quantity + ? "
                + "where redemption_id = ? and item_id = ?", quantity, redemptionId, itemId);
    }

    public void addRefunded(long redemptionId, long points) {
        update("update redemption set refunded_points = refunded_points + ? where id = ?", points, redemptionId);
    }

    public RefundRow refund(long id) {
        return one("select id, redemption_id, points, transaction_id, created_by, created_at from refund where id = ?",
                r -> new RefundRow(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getString(5),
                        r.getObject(6, OffsetDateTime.class)), id).orElseThrow();
    }

    /** A shop's captured redemptions and refunds in [from, to), in time order. */
    public List<ShopStatement.Line> statement(long shopId, OffsetDateTime from, OffsetDateTime to) {
        return list("select 'REDEMPTION', id, id, volunteer_id, resolved_at, captured_points from redemption "
                        + "where shop_id = ? and status = 'CAPTURED' and resolved_at >= ? and resolved_at < ? "
                        + "union all "
                        + "select 'REFUND', f.id, f.redemption_id, r.volunteer_id, f.created_at, f.points from refund f "
                        + "join redemption r on r.id = f.redemption_id "
                        + "where f.shop_id = ? and f.created_at >= ? and f.created_at < ? order by 5, 1, 2",
                r -> new ShopStatement.Line(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4),
                        r.getObject(5, OffsetDateTime.class), r.getLong(6)),
                shopId, from, to, shopId, from, to);
    }

    private static final String REDEMPTION_COLUMNS = "id, shop_id, volunteer_id, mode, status, points, captured_points, "
            + "refunded_points, transaction_id, capture_transaction_id, created_by, created_at, resolved_at";

    public Optional<RedemptionRow> redemption(long id) {
        return one("select " + REDEMPTION_COLUMNS + " from redemption where id = ?", RedemptionStore::redemption, id);
    }

    /** The redemption, its row locked until the transaction ends (captures, voids and sweeps queue here). */
    public Optional<RedemptionRow> lockRedemption(long id) {
        return one("select " + REDEMPTION_COLUMNS + " from redemption where id = ? for update",
                RedemptionStore::redemption, id);
    }

    public void markCaptured(long id, long capturedPoints, long captureTransactionId) {
        update("update redemption set status = 'CAPTURED', captured_points = ?, capture_transaction_id = ?, "
                + "resolved_at = now() where id = ?", capturedPoints, captureTransactionId, id);
    }

    public void markReleased(long id, RedemptionStatus status) {
        update("update redemption set status = ?, resolved_at = now() where id = ?", status.name(), id);
    }

    /** Held redemptions whose hold the ledger has expired, locked (skipping ones another sweeper has). */
    public List<Long> lockExpiredHeld(int limit) {
        return list("select r.id from redemption r join hold h on h.id = r.transaction_id "
                + "where r.status = 'HELD' and h.status = 'EXPIRED' order by r.id limit ? for update of r skip locked",
                r -> r.getLong(1), limit);
    }

    // ---- plumbing ----

    @FunctionalInterface
    private interface Mapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    private static Redemption.Line line(ResultSet r, int first) throws SQLException {
        return new Redemption.Line(r.getLong(first), r.getInt(first + 1), r.getLong(first + 2), r.getInt(first + 3),
                r.getInt(first + 4));
    }

    private static ItemRow item(ResultSet r) throws SQLException {
        return new ItemRow(r.getLong(1), r.getLong(2), r.getString(3), r.getLong(4), r.getInt(5), r.getBoolean(6));
    }

    private static RedemptionRow redemption(ResultSet r) throws SQLException {
        return new RedemptionRow(r.getLong(1), r.getLong(2), r.getLong(3), RedemptionMode.valueOf(r.getString(4)),
                RedemptionStatus.valueOf(r.getString(5)), r.getLong(6), (Long) r.getObject(7, Long.class), r.getLong(8),
                r.getLong(9), (Long) r.getObject(10, Long.class), r.getString(11),
                r.getObject(12, OffsetDateTime.class), r.getObject(13, OffsetDateTime.class));
    }

    private long nextId(String table) {
        return one("select nextval(pg_get_serial_sequence(?, 'id'))", r -> r.getLong(1), table).orElseThrow();
    }

    private int update(String sql, Object... args) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, args);
                return s.executeUpdate();
            }
        });
    }

    private <T> Optional<T> one(String sql, Mapper<T> mapper, Object... args) {
        List<T> rows = list(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> List<T> list(String sql, Mapper<T> mapper, Object... args) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, args);
                try (ResultSet r = s.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (r.next()) {
                        out.add(mapper.map(r));
                    }
                    return out;
                }
            }
        });
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Long[] ids) {
                s.setArray(i + 1, s.getConnection().createArrayOf("bigint", ids));
            } else {
                s.setObject(i + 1, args[i]);
            }
        }
    }
}
