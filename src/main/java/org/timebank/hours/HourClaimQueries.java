package org.timebank.hours;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.timebank.common.ApiException;
import org.timebank.common.Jdbc;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.hours.domain.ClaimReview;
import org.timebank.hours.persistence.HourClaim;
import org.timebank.security.Caller;

/** The claim lists: a volunteer sees their own, staff the claims of the regions they serve, admins all. */
@ApplicationScoped
public class HourClaimQueries {
    @Inject
    Jdbc jdbc;

    /** from and to bound when the service started: [from, to). */
    public record Filter(ClaimReview.Status status, Long regionId, Long volunteerId, Long activityId, Instant from, Instant to) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HourClaim> list(Caller caller, Filter filter, Paging paging) {
        Long onlyVolunteer = null;
        Long[] scope = null;
        if (!caller.isAdmin()) {
            if (caller.is(org.timebank.common.Roles.STAFF)) {
                scope = caller.regions().toArray(Long[]::new);
            } else {
                onlyVolunteer = caller.volunteerId();
                if (onlyVolunteer == null || (filter.volunteerId() != null && !filter.volunteerId().equals(onlyVolunteer))) {
                    throw ApiException.forbidden("FORBIDDEN");
                }
            }
        }
        Long volunteer = onlyVolunteer != null ? onlyVolunteer : filter.volunteerId();
        Long[] staffScope = scope;
        List<Long> ids = jdbc.run(c -> {
            StringBuilder sql = new StringBuilder(
                    "select c.id from hour_claim c join region r on r.id = c.community_id where c.id < ?");
            List<Object> args = new ArrayList<>(List.of(paging.after() == null ? Long.MAX_VALUE : paging.after()));
            if (staffScope != null) {
                sql.append(" and r.path && ?");
                args.add(staffScope);
            }
            if (filter.regionId() != null) {
                sql.append(" and r.path @> ?");
                args.add(new Long[] {filter.regionId()});
            }
            if (filter.status() != null) {
                sql.append(" and c.status = ?");
                args.add(filter.status().name());
            }
            if (volunteer != null) {
                sql.append(" and c.volunteer_id = ?");
                args.add(volunteer);
            }
            if (filter.activityId() != null) {
                sql.append(" and c.activity_id = ?");
                args.add(filter.activityId());
            }
            if (filter.from() != null) {
                sql.append(" and c.starts_at >= ?");
                args.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
            }
            if (filter.to() != null) {
                sql.append(" and c.starts_at < ?");
                args.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
            }
            sql.append(" order by c.id desc limit ?");
            args.add(paging.limit() + 1);
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    Object arg = args.get(i);
                    if (arg instanceof Long[] array) {
                        s.setArray(i + 1, c.createArrayOf("bigint", array));
                    } else {
                        s.setObject(i + 1, arg);
                    }
                }
                List<Long> found = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getLong(1));
                    }
                }
                return found;
            }
        });
        List<HourClaim> rows = ids.isEmpty() ? List.of()
                : HourClaim.<HourClaim>list("id in ?1", ids).stream()
                        .sorted(Comparator.comparing((HourClaim h) -> h.id).reversed()).toList();
        return paging.page(rows, h -> h.id);
    }
}
