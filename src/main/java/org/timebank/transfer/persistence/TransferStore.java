package org.timebank.transfer.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.timebank.common.Sql;

/** The transfer rules and the journal reads that transfers decide on. */
@ApplicationScoped
public class TransferStore {
    @Inject
    Sql sql;

    /** The rule in force for a region: the nearest row on its path, itself first. */
    public record RuleRow(long regionId, boolean hoursGiftsAllowed, boolean hoursGiftsFamilyOnly) {}

    /**
     * What left this wallet in GIFT transactions since the start of today in Asia/Shanghai, by the
     * database clock. The caller holds the wallet's lock, so no other gift of it can commit meanwhile.
     */
    public long giftedToday(long walletId) {
        return sql.single("select coalesce(sum(-p.amount), 0) from posting p "
                + "join journal_transaction t on t.id = p.transaction_id "
                + "where p.account_id = ? and p.amount < 0 and p.phase = 0 and t.kind = 'GIFT' "
                + "and t.created_at >= date_trunc('day', now() at time zone 'Asia/Shanghai') "
                + "at time zone 'Asia/Shanghai'", r -> r.getLong(1), walletId);
    }

    public Optional<RuleRow> ruleInForce(long regionId) {
        return sql.one("select tr.region_id, tr.hours_gifts_allowed, tr.hours_gifts_family_only from region r "
                + "join transfer_rule tr on tr.region_id = any (r.path) "
                + "where r.id = ? order by region_path_distance(r.path, tr.region_id) limit 1",
                r -> new RuleRow(r.getLong(1), r.getBoolean(2), r.getBoolean(3)), regionId);
    }

    public void putRule(long regionId, boolean hoursGiftsAllowed, boolean hoursGiftsFamilyOnly) {
        sql.update("insert into transfer_rule (region_id, hours_gifts_allowed, hours_gifts_family_only) values (?, ?, ?) "
                + "on conflict (region_id) do update set hours_gifts_allowed = excluded.hours_gifts_allowed, "
                + "hours_gifts_family_only = excluded.hours_gifts_family_only",
                regionId, hoursGiftsAllowed, hoursGiftsFamilyOnly);
    }

}
