package org.timebank.transfer.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.timebank.common.Jdbc;

/** The transfer rules and the journal reads that transfers decide on. */
@ApplicationScoped
public class TransferStore {
    @Inject
    Jdbc jdbc;

    /** The rule in force for a region: the nearest row on its path, itself first. */
    public record RuleRow(long regionId, boolean hoursGiftsAllowed, boolean hoursGiftsFamilyOnly) {}

    /**
     * What left this wallet in GIFT transactions since the start of today in Asia/Shanghai, by the
     * database clock. The caller holds the wallet's lock, so no other gift of it can commit meanwhile.
     */
    public long giftedToday(long walletId) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select coalesce(sum(-p.amount), 0) from posting p "
                            + "join journal_transaction t on t.id = p.transaction_id "
                            + "where p.account_id = ? and p.amount < 0 and p.phase = 0 and t.kind = 'GIFT' "
                            + "and t.created_at >= date_trunc('day', now() at time zone 'Asia/Shanghai') "
                            + "at time zone 'Asia/Shanghai'")) {
                s.setLong(1, walletId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    public Optional<RuleRow> ruleInForce(long regionId) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select tr.region_id, tr.hours_gifts_allowed, tr.hours_gifts_family_only from region r "
                            + "join transfer_rule tr on tr.region_id = any (r.path) "
                            + "where r.id = ? order by region_path_distance(r.path, tr.region_id) limit 1")) {
                s.setLong(1, regionId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new RuleRow(r.getLong(1), r.getBoolean(2), r.getBoolean(3))) : Optional.empty();
                }
            }
        });
    }

    public void putRule(long regionId, boolean hoursGiftsAllowed, boolean hoursGiftsFamilyOnly) {
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "insert into transfer_rule (region_id, hours_gifts_allowed, hours_gifts_family_only) values (?, ?, ?) "
                            + "on conflict (region_id) do update set hours_gifts_allowed = excluded.hours_gifts_allowed, "
                            + "hours_gifts_family_only = excluded.hours_gifts_family_only")) {
                s.setLong(1, regionId);
                s.setBoolean(2, hoursGiftsAllowed);
                s.setBoolean(3, hoursGiftsFamilyOnly);
                return s.executeUpdate();
            }
        });
    }
}
