package org.timebank.redemption.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.timebank.common.Sql;
import org.timebank.redemption.domain.Redemption;
import org.timebank.redemption.domain.RedemptionMode;
import org.timebank.redemption.domain.RedemptionStatus;
import org.timebank.redemption.domain.ShopKind;
import org.timebank.redemption.domain.ShopStatement;

/** Shops, catalogue items, payment codes and redemptions, in plain SQL. */
@ApplicationScoped
public class RedemptionStore {
    @Inject
    Sql sql;

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
        sql.update("insert into shop (id, name, kind, region_id, settlement_account_id, created_by) values (?, ?, ?, ?, ?, ?)",
                id, name, kind.name(), regionId, settlementAccountId, actor);
    }

    public Optional<ShopRow> shop(long id) {
        return sql.one("select id, name, kind, region_id, settlement_account_id, created_at from shop where id = ?",
                r -> new ShopRow(r.getLong(1), r.getString(2), ShopKind.valueOf(r.getString(3)), r.getLong(4),
                        r.getLong(5), r.getObject(6, OffsetDateTime.class)), id);
    }

    /** The first shop of this name in this region. */
    public Optional<Long> shopNamed(long regionId, String name) {
        return sql.one("select id from shop where region_id = ? and name = ? order by id limit 1", r -> r.getLong(1),
                regionId, name);
    }

    /** The level of a region, if it exists. */
    public Optional<String> regionLevel(long regionId) {
        return sql.one("select level from region where id = ?", r -> r.getString(1), regionId);
    }

    public List<ItemRow> items(long shopId) {
        return sql.list("select id, shop_id, name, points_price, stock, active from shop_item where shop_id = ? order by id",
                RedemptionStore::item, shopId);
    }

    public long insertItem(long shopId, String name, long pointsPrice, int stock, boolean active) {
        return sql.one("insert into shop_item (shop_id, name, points_price, stock, active) values (?, ?, ?, ?, ?) returning id",
                r -> r.getLong(1), shopId, name, pointsPrice, stock, active).orElseThrow();
    }

    /** Rewrites an item of this shop; false if the shop has no such item. */
    public boolean updateItem(long shopId, long itemId, String name, long pointsPrice, int stock, boolean active) {
        return sql.update("update shop_item set name = ?, points_price = ?, stock = ?, active = ?, updated_at = now() "
                + "where id = ? and shop_id = ?", name, pointsPrice, stock, active, itemId, shopId) == 1;
    }

    public void restoreStock(long itemId, int quantity) {
        sql.update("update shop_item set stock = stock + ? where id = ?", quantity, itemId);
    }

    // ---- payment codes ----

    /**
     * Stores a new code valid for {@code ttl} by the database clock (the one that judges its use);
     * its expiry, or empty if the hash is taken already (a collision: draw again).
     */
    public Optional<OffsetDateTime> insertPaymentCode(byte[] codeHash, long volunteerId, Duration ttl) {
        return sql.one("insert into payment_code (code_hash, volunteer_id, expires_at) "
                + "values (?, ?, clock_timestamp() + ? * interval '1 millisecond') on conflict do nothing "
                + "returning expires_at", r -> r.getObject(1, OffsetDateTime.class), codeHash, volunteerId, ttl.toMillis());
    }

    /** A volunteer's confirmed service and the threshold (if any) their home community's rules set for redeeming. */
    public record Standing(long confirmedMinutes, Long minMinutes) {}

    public boolean volunteerExists(long volunteerId) {
        return sql.one("select 1 from volunteer where id = ?", r -> true, volunteerId).isPresent();
    }

    /** Why a code could not be claimed: used, expired, or (empty) unknown. */
    public Optional<CodeState> paymentCodeState(byte[] codeHash) {
        return sql.one("select used_at is not null, expires_at <= now() from payment_code where code_hash = ?",
                r -> new CodeState(r.getBoolean(1), r.getBoolean(2)), codeHash);
    }

    // ---- redemptions ----

    /** A catalogue item as a redemption found it, its row locked until the transaction ends. */
    public record LockedItem(long id, long pointsPrice, int stock, boolean active) {}

    /**
     * What a redemption needs, read in one round trip once its code is claimed: the volunteer's
     * confirmed service and the threshold their home community's rules set, their points wallet, the
     * basket's items of this shop (locked, in id order), the ids reserved for the redemption and its
     * journal transaction, and the transaction's time.
     */
    public record Ready(long volunteerId, Standing standing, long walletId, Map<Long, LockedItem> items,
                        long redemptionId, long transactionId, OffsetDateTime now) {}

    /**
     * Claims an unused, unexpired code for the shop and reads what redeeming it needs (see {@link
     * Ready}); empty if the code could not be claimed.
     */
    public Optional<Ready> claimAndRead(byte[] codeHash, long shopId, List<Long> itemIds) {
        return sql.one("with code as (update payment_code set used_at = now(), shop_id = ? "
                        + "where code_hash = ? and used_at is null and expires_at > now() returning volunteer_id), "
                        + "items as (select i.id, i.points_price, i.stock, i.active from shop_item i "
                        + "where i.shop_id = ? and i.id = any (?) order by i.id for no key update) "
                        + "select code.volunteer_id, hw.credits_posted - hw.debits_posted, "
                        + "(select rr.min_minutes from redemption_rule rr where rr.region_id = any (h.path) "
                        + "order by region_path_distance(h.path, rr.region_id) limit 1), "
                        + "pw.id, "
                        + "nextval(pg_get_serial_sequence('redemption', 'id')), ledger_reserve_transaction_id(), now(), "
                        + "(select array_agg(array[x.id, x.points_price, x.stock, x.active::int] order by x.id) from items x) "
                        + "from code join volunteer v on v.id = code.volunteer_id join region h on h.id = v.home_community_id "
                        + "cross join lateral ledger_account_of('VOLUNTEER', v.id, 'HOURS', 'VOLUNTEER_WALLET') hw "
                        + "cross join lateral ledger_account_of('VOLUNTEER', v.id, 'POINTS', 'VOLUNTEER_WALLET') pw",
                r -> {
                    Map<Long, LockedItem> items = new java.util.TreeMap<>();
                    java.sql.Array rows = r.getArray(8);
                    if (rows != null) {
                        for (Object row : (Object[]) rows.getArray()) {
                            Long[] cells = (Long[]) row;
                            items.put(cells[0], new LockedItem(cells[0], cells[1], Math.toIntExact(cells[2]), cells[3] == 1));
                        }
                    }
                    return new Ready(r.getLong(1), new Standing(r.getLong(2), (Long) r.getObject(3, Long.class)),
                            r.getLong(4), items, r.getLong(5), r.getLong(6), r.getObject(7, OffsetDateTime.class));
                },
                shopId, codeHash, shopId, itemIds.toArray(Long[]::new));
    }

    /**
     * Writes a redemption, its lines and the stock they take, with the transaction's next round trip
     * (see {@link Sql#defer}); the items were locked by {@link #claimAndRead}. {@code at}: the
     * transaction's time, as the database would write it.
     */
    public RedemptionRow writeRedemption(Ready ready, long shopId, RedemptionMode mode, RedemptionStatus status,
                                         long points, Long capturedPoints, List<Redemption.Line> lines, String actor) {
        boolean held = status == RedemptionStatus.HELD;
        sql.defer("insert into redemption (id, shop_id, volunteer_id, mode, status, points, captured_points, "
                        + "transaction_id, created_by, created_at, resolved_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ready.redemptionId(), shopId, ready.volunteerId(), mode, status, points, Sql.bigint(capturedPoints),
                ready.transactionId(), actor, ready.now(), Sql.nullOr(held ? null : ready.now(),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE));
        if (!lines.isEmpty()) {
            Long[] items = lines.stream().map(Redemption.Line::itemId).toArray(Long[]::new);
            Integer[] quantities = lines.stream().map(Redemption.Line::quantity).toArray(Integer[]::new);
            Long[] prices = lines.stream().map(Redemption.Line::pointsPrice).toArray(Long[]::new);
            sql.defer("update shop_item i set stock = i.stock - x.q from unnest(?::bigint[], ?::int[]) as x(id, q) "
                    + "where i.id = x.id", items, quantities);
            sql.defer("insert into redemption_line (redemption_id, item_id, quantity, points_price) "
                    + "select ?, x.id, x.q, x.p from unnest(?::bigint[], ?::int[], ?::bigint[]) as x(id, q, p)",
                    ready.redemptionId(), items, quantities, prices);
        }
        return new RedemptionRow(ready.redemptionId(), shopId, ready.volunteerId(), mode, status, points, capturedPoints,
                0, ready.transactionId(), null, actor, ready.now(), held ? null : ready.now());
    }

    public List<Redemption.Line> lines(long redemptionId) {
        return sql.list("select item_id, quantity, points_price, released_quantity, refunded_quantity from redemption_line "
                + "where redemption_id = ? order by item_id", r -> line(r, 1), redemptionId);
    }

    /** The lines of many redemptions at once, in redemption then item order. */
    public List<Map.Entry<Long, Redemption.Line>> lines(List<Long> redemptionIds) {
        return sql.list("select redemption_id, item_id, quantity, points_price, released_quantity, refunded_quantity "
                        + "from redemption_line where redemption_id = any(?) order by redemption_id, item_id",
                r -> Map.entry(r.getLong(1), line(r, 2)), (Object) redemptionIds.toArray(new Long[0]));
    }

    /** Puts {@code quantity} units of a held line back on the shelf, and says so on the line. */
    public void releaseUnits(long redemptionId, long itemId, int quantity) {
        sql.update("update redemption_line set released_quantity = released_quantity + ? "
                + "where redemption_id = ? and item_id = ?", quantity, redemptionId, itemId);
        restoreStock(itemId, quantity);
    }

    public List<RedemptionRow> shopRedemptions(long shopId, Long before, int limit) {
        return sql.list("select " + REDEMPTION_COLUMNS + " from redemption where shop_id = ? and id < ? "
                + "order by id desc limit " + limit, RedemptionStore::redemption, shopId,
                before == null ? Long.MAX_VALUE : before);
    }

    // ---- refunds ----

    public long nextRefundId() {
        return nextId("refund");
    }

    public void insertRefund(long id, long redemptionId, long shopId, long points, long transactionId, String actor) {
        sql.update("insert into refund (id, redemption_id, shop_id, points, transaction_id, created_by) "
                + "values (?, ?, ?, ?, ?, ?)", id, redemptionId, shopId, points, transactionId, actor);
    }

    public void insertRefundLine(long refundId, long redemptionId, long itemId, int quantity) {
        sql.update("insert into refund_line (refund_id, item_id, quantity) values (?, ?, ?)", refundId, itemId, quantity);
        sql.update("update redemption_line set refunded_quantity = refunded_quantity + ? "
                + "where redemption_id = ? and item_id = ?", quantity, redemptionId, itemId);
    }

    public void addRefunded(long redemptionId, long points) {
        sql.update("update redemption set refunded_points = refunded_points + ? where id = ?", points, redemptionId);
    }

    public RefundRow refund(long id) {
        return sql.one("select id, redemption_id, points, transaction_id, created_by, created_at from refund where id = ?",
                r -> new RefundRow(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getString(5),
                        r.getObject(6, OffsetDateTime.class)), id).orElseThrow();
    }

    /** A shop's captured redemptions and refunds in [from, to), in time order. */
    public List<ShopStatement.Line> statement(long shopId, OffsetDateTime from, OffsetDateTime to) {
        return sql.list("select 'REDEMPTION', id, id, volunteer_id, resolved_at, captured_points from redemption "
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
        return sql.one("select " + REDEMPTION_COLUMNS + " from redemption where id = ?", RedemptionStore::redemption, id);
    }

    /** The redemption, its row locked until the transaction ends (captures, voids and sweeps queue here). */
    public Optional<RedemptionRow> lockRedemption(long id) {
        return sql.one("select " + REDEMPTION_COLUMNS + " from redemption where id = ? for update",
                RedemptionStore::redemption, id);
    }

    public void markCaptured(long id, long capturedPoints, long captureTransactionId) {
        sql.update("update redemption set status = 'CAPTURED', captured_points = ?, capture_transaction_id = ?, "
                + "resolved_at = now() where id = ?", capturedPoints, captureTransactionId, id);
    }

    public void markReleased(long id, RedemptionStatus status) {
        sql.update("update redemption set status = ?, resolved_at = now() where id = ?", status.name(), id);
    }

    /** Held redemptions whose hold the ledger has expired, locked (skipping ones another sweeper has). */
    public List<Long> lockExpiredHeld(int limit) {
        return sql.list("select r.id from redemption r join hold h on h.id = r.transaction_id "
                + "where r.status = 'HELD' and h.status = 'EXPIRED' order by r.id limit " + limit + " for update of r skip locked",
                r -> r.getLong(1));
    }

    // ---- plumbing ----

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
        return sql.one("select nextval(pg_get_serial_sequence(?, 'id'))", r -> r.getLong(1), table).orElseThrow();
    }
}
