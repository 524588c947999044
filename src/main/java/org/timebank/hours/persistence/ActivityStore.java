package org.timebank.hours.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.timebank.common.Jdbc;
import org.timebank.hours.domain.AttendanceSheet;

/** The statements of activities that must be single and exact: seats, enrollments, listings, check-in codes. */
@ApplicationScoped
public class ActivityStore {
    @Inject
    Jdbc jdbc;

    /** A place in the listing order (start, then id): where the next page begins after. */
    public record Position(Instant startsAt, long id) {}

    /** {@code enrolledVolunteerId}: when set, only the activities that volunteer enrolled in. */
    public record ListFilter(Long regionId, Instant from, Instant to, Long enrolledVolunteerId) {}

    /**
     * Ids of the activities in the region's subtree (all without a region) whose time overlaps
     * [from, to), ordered by start then id, after {@code after}.
     */
    public List<Long> list(ListFilter filter, Position after, int limit) {
        return jdbc.run(c -> {
            StringBuilder sql = new StringBuilder("select a.id from activity a");
            List<Object> args = new ArrayList<>();
            if (filter.regionId() != null) {
                sql.append(" join region r on r.id = a.community_id where r.path @> ?");
                args.add(new Long[] {filter.regionId()});
            } else {
                sql.append(" where true");
            }
            if (filter.enrolledVolunteerId() != null) {
                sql.append(" and exists (select 1 from enrollment e where e.activity_id = a.id and e.volunteer_id = ?)");
                args.add(filter.enrolledVolunteerId());
            }
            if (filter.from() != null) {
                sql.append(" and a.ends_at > ?");
                args.add(Timestamp.from(filter.from()));
            }
            if (filter.to() != null) {
                sql.append(" and a.starts_at < ?");
                args.add(Timestamp.from(filter.to()));
            }
            if (after != null) {
                sql.append(" and (a.starts_at, a.id) > (?, ?)");
                args.add(Timestamp.from(after.startsAt()));
                args.add(after.id());
            }
            sql.append(" order by a.starts_at, a.id limit ?");
            args.add(limit);
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    if (args.get(i) instanceof Long[] array) {
                        s.setArray(i + 1, c.createArrayOf("bigint", array));
                    } else {
                        s.setObject(i + 1, args.get(i));
                    }
                }
                List<Long> ids = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /** Records the enrollment; empty if the volunteer was already enrolled (the primary key decides). */
    public Optional<OffsetDateTime> enroll(long activityId, long volunteerId) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into enrollment (activity_id, volunteer_id) values (?, ?) "
                    + "on conflict do nothing returning created_at")) {
                s.setLong(1, activityId);
                s.setLong(2, volunteerId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getObject(1, OffsetDateTime.class)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Takes one seat if one is free. One statement: concurrent callers queue on the row, and each
     * re-reads {@code enrolled} once the one before it commits, so capacity is never exceeded.
     */
    public boolean takeSeat(long activityId) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "update activity set enrolled = enrolled + 1 where id = ? and enrolled < capacity")) {
                s.setLong(1, activityId);
                return s.executeUpdate() == 1;
            }
        });
    }

    public record EnrollmentRow(long volunteerId, OffsetDateTime enrolledAt) {}

    /** The activity's enrollments by volunteer id, after {@code afterVolunteerId}. */
    public List<EnrollmentRow> enrollments(long activityId, Long afterVolunteerId, int limit) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("select volunteer_id, created_at from enrollment "
                    + "where activity_id = ? and volunteer_id > ? order by volunteer_id limit ?")) {
                s.setLong(1, activityId);
                s.setLong(2, afterVolunteerId == null ? Long.MIN_VALUE : afterVolunteerId);
                s.setInt(3, limit);
                List<EnrollmentRow> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new EnrollmentRow(r.getLong(1), r.getObject(2, OffsetDateTime.class)));
                    }
                }
                return rows;
            }
        });
    }

    /** Those of the volunteers who enrolled in the activity. */
    public Set<Long> enrolledAmong(long activityId, Set<Long> volunteerIds) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select volunteer_id from enrollment where activity_id = ? and volunteer_id = any (?)")) {
                s.setLong(1, activityId);
                s.setArray(2, c.createArrayOf("bigint", volunteerIds.toArray(Long[]::new)));
                Set<Long> found = new HashSet<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getLong(1));
                    }
                }
                return found;
            }
        });
    }

    /** Those of the ids that are volunteers. */
    public Set<Long> existingVolunteers(Set<Long> ids) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("select id from volunteer where id = any (?)")) {
                s.setArray(1, c.createArrayOf("bigint", ids.toArray(Long[]::new)));
                Set<Long> found = new HashSet<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getLong(1));
                    }
                }
                return found;
            }
        });
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
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select l.i from unnest(?::int[], ?::bigint[], ?::text[]::timestamptz[], ?::text[]::timestamptz[]) as l (i, volunteer_id, check_in, check_out) "
                            + "where exists (select 1 from hour_claim h where h.volunteer_id = l.volunteer_id "
                            + "and h.status in ('PENDING', 'AWAITING_SECOND_REVIEW', 'APPROVED') "
                            + "and tstzrange(h.starts_at, h.ends_at) && tstzrange(l.check_in, l.check_out))")) {
                // times travel as RFC 3339 text: unambiguous whatever the session's time zone
                s.setArray(1, c.createArrayOf("integer", indexes.toArray(Integer[]::new)));
                s.setArray(2, c.createArrayOf("bigint", indexes.stream().map(i -> lines.get(i).volunteerId()).toArray(Long[]::new)));
                s.setArray(3, c.createArrayOf("text", indexes.stream().map(i -> lines.get(i).checkIn().toString()).toArray(String[]::new)));
                s.setArray(4, c.createArrayOf("text", indexes.stream().map(i -> lines.get(i).checkOut().toString()).toArray(String[]::new)));
                Set<Integer> found = new HashSet<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getInt(1));
                    }
                }
                return found;
            }
        });
    }

    /** Stores a check-in code's hash; false if the activity already has that very code (then draw another). */
    public boolean addCheckinCode(long activityId, byte[] codeHash, Instant expiresAt, String actor) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into activity_checkin_code "
                    + "(activity_id, code_hash, expires_at, created_by) values (?, ?, ?, ?) on conflict do nothing")) {
                s.setLong(1, activityId);
                s.setBytes(2, codeHash);
                s.setTimestamp(3, Timestamp.from(expiresAt));
                s.setString(4, actor);
                return s.executeUpdate() == 1;
            }
        });
    }

    public boolean checkinCodeValid(long activityId, byte[] codeHash) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("select 1 from activity_checkin_code "
                    + "where activity_id = ? and code_hash = ? and expires_at > now()")) {
                s.setLong(1, activityId);
                s.setBytes(2, codeHash);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }
}
