package org.timebank.hours.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.timebank.common.AfterCommit;
import org.timebank.common.Jdbc;
import java.util.concurrent.ConcurrentHashMap;
import org.timebank.hours.domain.ConversionRuleSet;
import org.timebank.hours.domain.OverCap;
import org.timebank.hours.domain.Rounding;

/** Conversion rule sets: appended as versions, never changed. */
@ApplicationScoped
public class ConversionRuleStore {
    @Inject
    Jdbc jdbc;

    public record Stored(ConversionRuleSet rules, String createdBy, OffsetDateTime createdAt) {}

    private static final String SELECT = "select id, region_id, version, effective_from, granularity_minutes, rounding, "
            + "hours_cap_minutes, over_cap, created_by, created_at from conversion_rule_set ";

    /** Locks the region's row until the transaction ends: its versions are appended one at a time. */
    public void lockVersions(long regionId) {
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("select 1 from region where id = ? for no key update")) {
                s.setLong(1, regionId);
                s.executeQuery().close();
            }
            return null;
        });
    }

    /** Appends the next version of a region's rules (the region row is locked so versions do not race). */
    public Stored append(long regionId, Instant effectiveFrom, int granularity, Rounding rounding,
                         Map<String, BigDecimal> rates, Long capMinutes, OverCap overCap, String actor) {
        lockVersions(regionId);
        return jdbc.run(c -> {
            int id;
            try (PreparedStatement s = c.prepareStatement(
                    "insert into conversion_rule_set (region_id, version, effective_from, granularity_minutes, rounding, "
                            + "hours_cap_minutes, over_cap, created_by) select ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?, ?, ? "
                            + "from conversion_rule_set where region_id = ? returning id")) {
                s.setLong(1, regionId);
                s.setTimestamp(2, Timestamp.from(effectiveFrom));
                s.setInt(3, granularity);
                s.setString(4, rounding.name());
                if (capMinutes == null) {
                    s.setNull(5, Types.BIGINT);
                    s.setNull(6, Types.VARCHAR);
                } else {
                    s.setLong(5, capMinutes);
                    s.setString(6, overCap.name());
                }
                s.setString(7, actor);
                s.setLong(8, regionId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    id = r.getInt(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into conversion_rule (rule_set_id, category, points_per_hour) values (?, ?, ?)")) {
                for (Map.Entry<String, BigDecimal> rate : rates.entrySet()) {
                    s.setInt(1, id);
                    s.setString(2, rate.getKey());
                    s.setBigDecimal(3, rate.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return load(c, SELECT + "where id = ?", ps -> ps.setInt(1, id)).get(0);
        });
    }

    /** The set in force at {@code at} for a region with this path (root first): the nearest region's latest. */
    public Optional<Stored> inForce(List<Long> path, Instant at) {
        return jdbc.run(c -> {
            List<Stored> found = load(c, SELECT + "where region_id = any (?) and effective_from <= ? "
                    + "order by region_path_distance(?, region_id), effective_from desc, version desc limit 1", ps -> {
                        java.sql.Array ids = c.createArrayOf("bigint", path.toArray(Long[]::new));
                        ps.setArray(1, ids);
                        ps.setTimestamp(2, Timestamp.from(at));
                        ps.setArray(3, ids);
                    });
            return found.stream().findFirst();
        });
    }

    /** The region's own version that takes effect last (of two at one time, the later version). */
    public Optional<Stored> latest(long regionId) {
        return jdbc.run(c -> load(c, SELECT + "where region_id = ? order by effective_from desc, version desc limit 1",
                ps -> ps.setLong(1, regionId)).stream().findFirst());
    }

    /** A region's own versions, newest first. */
    public List<Stored> versions(long regionId, int limit) {
        return jdbc.run(c -> load(c, SELECT + "where region_id = ? order by version desc limit ?", ps -> {
            ps.setLong(1, regionId);
            ps.setInt(2, limit);
        }));
    }

    /**
     * A version by id, from memory once a committed read has seen it: versions are appended, never
     * changed, so every replica may keep them.
     */
    public Optional<Stored> byId(int id) {
        Stored known = versionsById.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Stored> found = jdbc.run(c -> load(c, SELECT + "where id = ?", ps -> ps.setInt(1, id)).stream().findFirst());
        found.ifPresent(f -> AfterCommit.run(() -> versionsById.put(id, f)));
        return found;
    }

    private final Map<Integer, Stored> versionsById = new ConcurrentHashMap<>();

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private static List<Stored> load(Connection c, String sql, Binder binder) throws SQLException {
        List<Object[]> heads = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    heads.add(new Object[] {r.getInt(1), r.getLong(2), r.getInt(3), r.getTimestamp(4).toInstant(),
                            r.getInt(5), Rounding.valueOf(r.getString(6)), (Long) r.getObject(7),
                            r.getString(8) == null ? null : OverCap.valueOf(r.getString(8)), r.getString(9),
                            r.getObject(10, OffsetDateTime.class)});
                }
            }
        }
        List<Stored> sets = new ArrayList<>();
        for (Object[] h : heads) {
            Map<String, BigDecimal> rates = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select category, points_per_hour from conversion_rule where rule_set_id = ?")) {
                s.setInt(1, (Integer) h[0]);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rates.put(r.getString(1), r.getBigDecimal(2).stripTrailingZeros());
                    }
                }
            }
            sets.add(new Stored(new ConversionRuleSet((Integer) h[0], (Long) h[1], (Integer) h[2], (Instant) h[3],
                    (Integer) h[4], (Rounding) h[5], rates, (Long) h[6], (OverCap) h[7]), (String) h[8],
                    (OffsetDateTime) h[9]));
        }
        return sets;
    }
}
