package org.timebank.hours.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.timebank.common.Sql;
import org.timebank.hours.domain.AttendanceSheet;

/** The statements of activities that must be single and exact: seats, enrollments, listings, check-in codes. */
@ApplicationScoped
public class ActivityStore {
    @Inject
    Sql sql;

    /** A place in the listing order (start, then id): where the next page begins after. */
    public record Position(Instant startsAt, long id) {}

    /** {@code enrolledVolunteerId}: when set, only the activities that volunteer enrolled in. */
    public record ListFilter(Long regionId, Instant from, Instant to, Long enrolledVolunteerId) {}

    /**
     * Ids of the activities in the region's subtree (all without a region) whose time overlaps
     * [from, to), ordered by start then id, after {@code after}.
     */
    public List<Long> list(ListFilter filter, Position after, int limit) {
        StringBuilder select = new StringBuilder("select a.id from activity a");
        List<Object> args = new ArrayList<>();
        if (filter.regionId() != null) {
            select.append(" join region r on r.id = a.community_id where r.path @> ?");
            args.add(new Long[] {filter.regionId()});
        } else {
            select.append(" where true");
        }
        if (filter.enrolledVolunteerId() != null) {
            select.append(" and exists (select 1 from enrollment e where e.activity_id = a.id and e.volunteer_id = ?)");
            args.add(filter.enrolledVolunteerId());
        }
        if (filter.from() != null) {
            select.append(" and a.ends_at > ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            select.append(" and a.starts_at < ?");
            args.add(filter.to());
        }
        if (after != null) {
            select.append(" and (a.starts_at, a.id) > (?, ?)");
            args.add(after.startsAt());
            args.add(after.id());
        }
        select.append(" order by a.starts_at, a.id limit ").append(limit);
        return sql.list(select.toString(), r -> r.getLong(1), args.toArray());
    }

    /** Records the enrollment; empty if the volunteer was already enrolled (the primary key decides). */
    public Optional<OffsetDateTime> enroll(long activityId, long volunteerId) {
        return sql.one("insert into enrollment (activity_id, volunteer_id) values (?, ?) "
                + "on conflict do nothing returning created_at", r -> r.getObject(1, OffsetDateTime.class), activityId, volunteerId);
    }

    /**
     * Takes one seat if one is free. One statement: concurrent callers queue on the row, and each
     * re-reads {@code enrolled} once the one before it commits, so capacity is never exceeded.
     */
    public boolean takeSeat(long activityId) {
        return sql.update("update activity set enrolled = enrolled + 1 where id = ? and enrolled < capacity", activityId) == 1;
    }

    public record EnrollmentRow(long volunteerId, OffsetDateTime enrolledAt) {}

    /** The activity's enrollments by volunteer id, after {@code afterVolunteerId}. */
    public List<EnrollmentRow> enrollments(long activityId, Long afterVolunteerId, int limit) {
        return sql.list("select volunteer_id, created_at from enrollment "
                        + "where activity_id = ? and volunteer_id > ? order by volunteer_id limit " + limit,
                r -> new EnrollmentRow(r.getLong(1), r.getObject(2, OffsetDateTime.class)),
                activityId, afterVolunteerId == null ? Long.MIN_VALUE : afterVolunteerId);
    }

    /** Those of the volunteers who enrolled in the activity. */
    public Set<Long> enrolledAmong(long activityId, Set<Long> volunteerIds) {
        return new HashSet<>(sql.list("select volunteer_id from enrollment where activity_id = ? and volunteer_id = any (?)",
                r -> r.getLong(1), activityId, volunteerIds.toArray(Long[]::new)));
    }

    /** Those of the ids that are volunteers. */
    public Set<Long> existingVolunteers(Set<Long> ids) {
        return new HashSet<>(sql.list("select id from volunteer where id = any (?)", r -> r.getLong(1),
                (Object) ids.toArray(Long[]::new)));
    }

    /**
     * The indexes of the lines whose period overlaps a live claim of their volunteer: the same test
     * as the claims' exclusion constraint, asked before writing so that every such line is reported.
     */
    public Set<Integer> overlappingLiveClaims(List<AttendanceSheet.Line> lines) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).checkOut().isAfter(lines.get(i).checkIn())) {
                indexes.add(i);
            }
        }
        if (indexes.isEmpty()) {
            return Set.of();
        }
        // times travel as RFC 3339 text: unambiguous whatever the session's time zone
        return new HashSet<>(sql.list(
                "select l.i from unnest(?::int[], ?::bigint[], ?::text[]::timestamptz[], ?::text[]::timestamptz[]) as l (i, volunteer_id, check_in, check_out) "
                        + "where exists (select 1 from hour_claim h where h.volunteer_id = l.volunteer_id "
                        + "and h.status in ('PENDING', 'AWAITING_SECOND_REVIEW', 'APPROVED') "
                        + "and tstzrange(h.starts_at, h.ends_at) && tstzrange(l.check_in, l.check_out))",
                r -> r.getInt(1),
                indexes.toArray(Integer[]::new),
                indexes.stream().map(i -> lines.get(i).volunteerId()).toArray(Long[]::new),
                indexes.stream().map(i -> lines.get(i).checkIn().toString()).toArray(String[]::new),
                indexes.stream().map(i -> lines.get(i).checkOut().toString()).toArray(String[]::new)));
    }

    /** Stores a check-in code's hash; false if the activity already has that very code (then draw another). */
    public boolean addCheckinCode(long activityId, byte[] codeHash, Instant expiresAt, String actor) {
        return sql.update("insert into activity_checkin_code "
                + "(activity_id, code_hash, expires_at, created_by) values (?, ?, ?, ?) on conflict do nothing",
                activityId, codeHash, expiresAt, actor) == 1;
    }

    public boolean checkinCodeValid(long activityId, byte[] codeHash) {
        return sql.one("select 1 from activity_checkin_code "
                + "where activity_id = ? and code_hash = ? and expires_at > now()", r -> 1, activityId, codeHash).isPresent();
    }
}
