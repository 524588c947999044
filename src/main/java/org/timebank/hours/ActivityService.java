package org.timebank.hours;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.timebank.common.ApiException;
import org.timebank.common.Metrics;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.hours.domain.Enrollment;
import org.timebank.hours.domain.NewActivity;
import org.timebank.hours.persistence.Activity;
import org.timebank.hours.persistence.ActivityStore;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionLevel;
import org.timebank.region.domain.RegionRef;
import org.timebank.security.Caller;
import org.timebank.volunteer.VolunteerService;

/** Activities communities publish, and volunteers' enrollment in them within capacity. */
@ApplicationScoped
public class ActivityService {
    @Inject
    EntityManager em;
    @Inject
    ActivityStore store;
    @Inject
    ConversionRuleService rules;
    @Inject
    RegionService regions;
    @Inject
    VolunteerService volunteers;

    /** Publishes an activity in a community the caller serves (admins: any). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Activity create(Caller caller, NewActivity request) {
        RegionRef community = regions.find(request.communityId()).orElse(null);
        if (community == null) {
            throw ApiException.unprocessable("REGION_NOT_FOUND", request.communityId());
        }
        if (community.level() != RegionLevel.COMMUNITY) {
            throw ApiException.unprocessable("NOT_A_COMMUNITY", request.communityId());
        }
        if (!caller.covers(community.pathIds())) {
            throw ApiException.forbidden("NOT_IN_SCOPE", request.communityId());
        }
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw new ApiException(400, "VALIDATION_FAILED",
                    List.of(new ApiException.Item("endsAt", null, "ACTIVITY_END_NOT_AFTER_START", null)), "endsAt");
        }
        rules.requireKnownCategory(community, request.category(), request.startsAt());
        Activity activity = new Activity();
        activity.communityId = community.id();
        activity.title = request.title();
        activity.category = request.category();
        activity.place = request.place();
        activity.startsAt = OffsetDateTime.ofInstant(request.startsAt(), ZoneOffset.UTC);
        activity.endsAt = OffsetDateTime.ofInstant(request.endsAt(), ZoneOffset.UTC);
        activity.capacity = request.capacity();
        activity.pointsPerHour = request.pointsPerHour();
        activity.walkInsWelcome = request.walkInsWelcome();
        activity.createdBy = caller.subject();
        activity.persist();
        em.flush();
        em.refresh(activity);
        Metrics.count("timebank.activities.created", 1);
        return activity;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Activity require(long id) {
        Activity activity = Activity.findById(id);
        if (activity == null) {
            throw ApiException.notFound("ACTIVITY_NOT_FOUND", id);
        }
        return activity;
    }

    /** One page of activities in listing order; the cursor is the position of the last one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Activity> list(ActivityStore.ListFilter filter, ActivityStore.Position after, int limit) {
        List<Long> ids = store.list(filter, after, limit + 1);
        List<Activity> rows = ids.isEmpty() ? List.of()
                : Activity.<Activity>list("id in ?1", ids).stream()
                        .sorted(Comparator.comparing((Activity a) -> a.startsAt.toInstant()).thenComparing(a -> a.id))
                        .toList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Activity> kept = List.copyOf(rows.subList(0, limit));
        Activity last = kept.get(limit - 1);
        return new Page<>(kept, ActivityCursor.encode(new ActivityStore.Position(last.startsAt.toInstant(), last.id)));
    }

    /**
     * Enrolls the calling volunteer. The enrollment row and the seat are taken in one transaction:
     * the primary key lets a volunteer enroll once, the conditional UPDATE keeps within capacity.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Enrollment enroll(Caller caller, long activityId) {
        Long volunteerId = caller.volunteerId();
        if (volunteerId == null) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        Activity activity = require(activityId);
        if (!activity.endsAt.toInstant().isAfter(Instant.now())) {
            throw ApiException.unprocessable("ACTIVITY_ENDED", activityId);
        }
        if (volunteers.find(volunteerId).isEmpty()) {
            throw ApiException.unprocessable("VOLUNTEER_NOT_FOUND", volunteerId);
        }
        OffsetDateTime enrolledAt = store.enroll(activityId, volunteerId)
                .orElseThrow(() -> ApiException.conflict("ALREADY_ENROLLED", activityId));
        if (!store.takeSeat(activityId)) {
            throw ApiException.conflict("ACTIVITY_FULL", activityId);
        }
        Metrics.count("timebank.activities.enrollments", 1);
        return new Enrollment(activityId, volunteerId, enrolledAt);
    }

    /** Who enrolled, by volunteer id: for the staff serving the activity's community (admins: any). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Enrollment> enrollments(Caller caller, long activityId, Paging paging) {
        Activity activity = require(activityId);
        if (!caller.covers(regions.require(activity.communityId).pathIds())) {
            throw ApiException.forbidden("NOT_IN_SCOPE", activity.communityId);
        }
        List<Enrollment> rows = store.enrollments(activityId, paging.after(), paging.limit() + 1).stream()
                .map(e -> new Enrollment(activityId, e.volunteerId(), e.enrolledAt())).toList();
        return paging.page(rows, Enrollment::volunteerId);
    }
}
