package org.timebank.family.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Jdbc;
import org.timebank.family.domain.FamilyLink;
import org.timebank.family.domain.FamilyLinkStatus;

/** Family links: plain SQL. */
@ApplicationScoped
public class FamilyLinkStore {
    @Inject
    Jdbc jdbc;

    private static final String COLUMNS = "id, requested_by, member_id, relation, status, requester_limit_minutes, "
            + "member_limit_minutes, created_at, confirmed_at, removed_at";

    /** A new pending link; empty if the pair has a live one already (the unique index says so). */
    public Optional<Long> insert(long requestedBy, long memberId, String relation) {
        return one("insert into family_link (requested_by, member_id, relation) values (?, ?, ?) "
                        + "on conflict do nothing returning id", r -> r.getLong(1), requestedBy, memberId, relation);
    }

    public Optional<FamilyLink> find(long id) {
        return one("select " + COLUMNS + " from family_link where id = ?", FamilyLinkStore::link, id);
    }

    public Optional<FamilyLink> lock(long id) {
        return one("select " + COLUMNS + " from family_link where id = ? for update", FamilyLinkStore::link, id);
    }

    /** The confirmed link between the two, if any. */
    public Optional<FamilyLink> confirmedBetween(long a, long b) {
        return one("select " + COLUMNS + " from family_link where status = 'CONFIRMED' "
                        + "and least(requested_by, member_id) = least(?::bigint, ?::bigint) "
                        + "and greatest(requested_by, member_id) = greatest(?::bigint, ?::bigint)",
                FamilyLinkStore::link, a, b, a, b);
    }

    /** The volunteer's links, newest first, removed ones included. */
    public List<FamilyLink> of(long volunteerId, Long before, int limit) {
        return list("select " + COLUMNS + " from family_link where (requested_by = ? or member_id = ?) and id < ? "
                        + "order by id desc limit ?", FamilyLinkStore::link, volunteerId, volunteerId,
                before == null ? Long.MAX_VALUE : before, limit);
    }

    public void markConfirmed(long id) {
        update("update family_link set status = 'CONFIRMED', confirmed_at = now() where id = ?", id);
    }

    public void markRemoved(long id, String actor) {
        update("update family_link set status = 'REMOVED', removed_at = now(), removed_by = ? where id = ?", actor, id);
    }

    public void setLimit(long id, boolean requesterSide, Integer minutes) {
        update("update family_link set " + (requesterSide ? "requester_limit_minutes" : "member_limit_minutes")
                + " = ? where id = ?", minutes, id);
    }

    @FunctionalInterface
    private interface Mapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    private static FamilyLink link(ResultSet r) throws SQLException {
        return new FamilyLink(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4),
                FamilyLinkStatus.valueOf(r.getString(5)), (Integer) r.getObject(6, Integer.class),
                (Integer) r.getObject(7, Integer.class), r.getObject(8, OffsetDateTime.class),
                r.getObject(9, OffsetDateTime.class), r.getObject(10, OffsetDateTime.class));
    }

    private int update(String sql, Object... args) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
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
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
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
}
