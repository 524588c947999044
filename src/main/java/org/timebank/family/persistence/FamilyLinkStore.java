package org.timebank.family.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Sql;
import org.timebank.family.domain.FamilyLink;
import org.timebank.family.domain.FamilyLinkStatus;

/** Family links: plain SQL. */
@ApplicationScoped
public class FamilyLinkStore {
    @Inject
    Sql sql;

    private static final String COLUMNS = "id, requested_by, member_id, relation, status, requester_limit_minutes, "
            + "member_limit_minutes, created_at, confirmed_at, removed_at";

    /** A new pending link; empty if the pair has a live one already (the unique index says so). */
    public Optional<Long> insert(long requestedBy, long memberId, String relation) {
        return sql.one("insert into family_link (requested_by, member_id, relation) values (?, ?, ?) "
                        + "on conflict do nothing returning id", r -> r.getLong(1), requestedBy, memberId, relation);
    }

    public Optional<FamilyLink> find(long id) {
        return sql.one("select " + COLUMNS + " from family_link where id = ?", FamilyLinkStore::link, id);
    }

    public Optional<FamilyLink> lock(long id) {
        return sql.one("select " + COLUMNS + " from family_link where id = ? for update", FamilyLinkStore::link, id);
    }

    /** The confirmed link between the two, if any. */
    public Optional<FamilyLink> confirmedBetween(long a, long b) {
        return sql.one("select " + COLUMNS + " from family_link where status = 'CONFIRMED' "
                        + "and least(requested_by, member_id) = least(?::bigint, ?::bigint) "
                        + "and greatest(requested_by, member_id) = greatest(?::bigint, ?::bigint)",
                FamilyLinkStore::link, a, b, a, b);
    }

    /** The volunteer's links, newest first, removed ones included. */
    public List<FamilyLink> of(long volunteerId, Long before, int limit) {
        return sql.list("select " + COLUMNS + " from family_link where (requested_by = ? or member_id = ?) and id < ? "
                        + "order by id desc limit " + limit, FamilyLinkStore::link, volunteerId, volunteerId,
                before == null ? Long.MAX_VALUE : before);
    }

    public void markConfirmed(long id) {
        sql.update("update family_link set status = 'CONFIRMED', confirmed_at = now() where id = ?", id);
    }

    public void markRemoved(long id, String actor) {
        sql.update("update family_link set status = 'REMOVED', removed_at = now(), removed_by = ? where id = ?", actor, id);
    }

    public void setLimit(long id, boolean requesterSide, Integer minutes) {
        sql.update("update family_link set " + (requesterSide ? "requester_limit_minutes" : "member_limit_minutes")
                + " = ? where id = ?", minutes, id);
    }

    private static FamilyLink link(ResultSet r) throws SQLException {
        return new FamilyLink(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4),
                FamilyLinkStatus.valueOf(r.getString(5)), (Integer) r.getObject(6, Integer.class),
                (Integer) r.getObject(7, Integer.class), r.getObject(8, OffsetDateTime.class),
                r.getObject(9, OffsetDateTime.class), r.getObject(10, OffsetDateTime.class));
    }
}
