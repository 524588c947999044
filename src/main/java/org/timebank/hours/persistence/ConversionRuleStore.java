package org.timebank.hours.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
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
import org.timebank.common.Sql;
import java.util.concurrent.ConcurrentHashMap;
import org.timebank.hours.domain.ConversionRuleSet;
import org.timebank.hours.domain.OverCap;
import org.timebank.hours.domain.Rounding;

/** Conversion rule sets: appended as versions, never changed. */
@ApplicationScoped
public class ConversionRuleStore {
    @Inject
    Sql sql;
    @Inject
    Jdbc jdbc;

    public record Stored(ConversionRuleSet rules, String createdBy, OffsetDateTime createdAt) {}

    private static final String SELECT = "select id, region_id, version, effective_from, granularity_minutes, rounding, "
            + "hours_cap_minutes, over_cap, created_by, created_at from conversion_rule_set ";

    /** Locks the region's row until the transaction ends: its versions are appended one at a time. */
    public void lockVersions(long regionId) {
        sql.list("select 1 from region where id = ? for no key update", r -> 1, regionId);
    }

    /** Appends the next version of a region's rules (the region row is locked so versions do not race). */
    public Stored append(long regionId, Instant effectiveFrom, int granularity, Rounding rounding,
                         Map<String, BigDecimal> rates, Long capMinutes, OverCap overCap, String actor) {
        lockVersions(regionId);
        int id = sql.single("insert into conversion_rule_set (region_id, version, effective_from, granularity_minutes, rounding, "
                        + "hours_cap_minutes, over_cap, created_by) select ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?, ?, ? "
                        + "from conversion_rule_set where region_id = ? returning id", r -> r.getInt(1),
                regionId, effectiveFrom, granularity, rounding, Sql.bigint(capMinutes),
                capMinutes == null ? Sql.nullOf(Types.VARCHAR) : overCap, actor, regionId);
        // a JDBC batch, which Sql does not express
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "insert into conversion_rule (rule_set_id, category, points_per_hour) values (?, ?, ?)")) {
                for (Map.Entry<String, BigDecimal> rate : rates.entrySet()) {
                    s.setInt(1, id);
                    s.setString(2, rate.getKey());
                    s.setBigDecimal(3, rate.getValue());
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
        return load(SELECT + "where id = ?", id).get(0);
    }

    /** The set in force at {@code at} for a region with this path (root first): the nearest region's latest. */
    public Optional<Stored> inForce(List<Long> path, Instant at) {
        Long[] ids = path.toArray(Long[]::new);
        return load(SELECT + "where region_id = any (?) and effective_from <= ? "
                + "order by region_path_distance(?, region_id), effective_from desc, version desc limit 1", ids, at, ids)
                .stream().findFirst();
    }

    /** The region's own version that takes effect last (of two at one time, the later version). */
    public Optional<Stored> latest(long regionId) {
        return load(SELECT + "where region_id = ? order by effective_from desc, version desc limit 1", regionId)
                .stream().findFirst();
    }

    /** A region's own versions, newest first. */
    public List<Stored> versions(long regionId, int limit) {
        return load(SELECT + "where region_id = ? order by version desc limit " + limit, regionId);
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
        Optional<Stored> found = load(SELECT + "where id = ?", id).stream().findFirst();
        found.ifPresent(f -> AfterCommit.run(() -> versionsById.put(id, f)));
        return found;
    }

    private final Map<Integer, Stored> versionsById = new ConcurrentHashMap<>();

    private record Head(int id, long regionId, int version, Instant effectiveFrom, int granularity, Rounding rounding,
                        Long capMinutes, OverCap overCap, String createdBy, OffsetDateTime createdAt) {}

    private List<Stored> load(String select, Object... args) {
        List<Head> heads = sql.list(select, r -> new Head(r.getInt(1), r.getLong(2), r.getInt(3), r.getTimestamp(4).toInstant(),
                r.getInt(5), Rounding.valueOf(r.getString(6)), (Long) r.getObject(7),
                r.getString(8) == null ? null : OverCap.valueOf(r.getString(8)), r.getString(9),
                r.getObject(10, OffsetDateTime.class)), args);
        List<Stored> sets = new ArrayList<>();
        for (Head h : heads) {
            Map<String, BigDecimal> rates = new HashMap<>();
            for (Map.Entry<String, BigDecimal> rate : sql.list("select category, points_per_hour from conversion_rule where rule_set_id = ?",
                    r -> Map.entry(r.getString(1), r.getBigDecimal(2).stripTrailingZeros()), h.id())) {
                rates.put(rate.getKey(), rate.getValue());
            }
            sets.add(new Stored(new ConversionRuleSet(h.id(), h.regionId(), h.version(), h.effectiveFrom(), h.granularity(),
                    h.rounding(), rates, h.capMinutes(), h.overCap()), h.createdBy(), h.createdAt()));
        }
        return sets;
    }
}
