package org.timebank.hours;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.timebank.common.ApiException;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.common.Sql;
import org.timebank.hours.domain.ClaimReview;
import org.timebank.hours.persistence.HourClaim;
import org.timebank.security.Caller;

/** The claim lists: a volunteer sees their own, staff the claims of the regions they serve, admins all. */
@ApplicationScoped
public class HourClaimQueries {
    @Inject
    Sql sql;

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
        StringBuilder select = new StringBuilder(
                "select c.id from hour_claim c join region r on r.id = c.community_id where c.id < ?");
        List<Object> args = new ArrayList<>(List.of(paging.after() == null ? Long.MAX_VALUE : paging.after()));
        if (scope != null) {
            select.append(" and r.path && ?");
            args.add(scope);
        }
        if (filter.regionId() != null) {
            select.append(" and r.path @> ?");
            args.add(new Long[] {filter.regionId()});
        }
        if (filter.status() != null) {
            // a literal, not a parameter: the plan kept for the statement (application.properties)
            // then fits the status asked for, a rare one (PENDING) through the status index
            select.append(" and c.status = '").append(filter.status().name()).append("'");
        }
        if (volunteer != null) {
            select.append(" and c.volunteer_id = ?");
            args.add(volunteer);
        }
        if (filter.activityId() != null) {
            select.append(" and c.activity_id = ?");
            args.add(filter.activityId());
        }
        if (filter.from() != null) {
            select.append(" and c.starts_at >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            select.append(" and c.starts_at < ?");
            args.add(filter.to());
        }
        select.append(" order by c.id desc limit ").append(paging.limit() + 1);
        List<Long> ids = sql.list(select.toString(), r -> r.getLong(1), args.toArray());
        List<HourClaim> rows = ids.isEmpty() ? List.of()
                : HourClaim.<HourClaim>list("id in ?1", ids).stream()
                        .sorted(Comparator.comparing((HourClaim h) -> h.id).reversed()).toList();
        return paging.page(rows, h -> h.id);
    }
}
