package org.timebank.hours;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.timebank.common.ApiException;
import org.timebank.common.Metrics;
import org.timebank.common.SqlErrors;
import org.timebank.hours.domain.AttendanceSheet;
import org.timebank.hours.domain.CheckinCode;
import org.timebank.hours.domain.CodeCheckIn;
import org.timebank.hours.domain.IssuedCheckinCode;
import org.timebank.hours.persistence.Activity;
import org.timebank.hours.persistence.ActivityStore;
import org.timebank.hours.persistence.HourClaim;
import org.timebank.region.RegionService;
import org.timebank.security.Caller;
import org.timebank.volunteer.PiiProtector;
import org.timebank.volunteer.VolunteerService;

/**
 * How service at an activity becomes pending hour claims: staff record the attendance sheet (all
 * of it or none), or volunteers check themselves in with the code shown at the venue. Either way
 * only volunteers who enrolled, unless the activity welcomes walk-ins.
 */
@ApplicationScoped
public class AttendanceService {
    /**
     * The refusals that are failed guesses of a check-in code, limited by timebank.rate-limits.checkin-code:
     * a wrong code and an expired one (the answer does not tell them apart).
     */
    public static final Set<String> WRONG_CODE = Set.of("CHECKIN_CODE_INVALID");

    /** Separates check-in codes from the other values hashed under the same key. */
    private static final String CODE_HASH_KIND = "activity-checkin-code";

    @Inject
    ActivityService activities;
    @Inject
    HourClaimService claims;
    @Inject
    ActivityStore store;
    @Inject
    RegionService regions;
    @Inject
    VolunteerService volunteers;
    @Inject
    PiiProtector hasher;

    @Inject
    ActivityConfig config;

    private final SecureRandom random = new SecureRandom();

    /**
     * Records one pending claim per line of the attendance sheet, made in the lines' order. Every
     * line is judged before anything is written, so a refusal lists all the bad records (field
     * {@code records[i]}) and writes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<HourClaim> record(Caller caller, long activityId, List<AttendanceSheet.Line> lines) {
        Activity activity = inScope(caller, activityId);
        for (int i = 0; i < lines.size(); i++) {
            if (caller.isVolunteer(lines.get(i).volunteerId())) {
                throw ApiException.forbidden("OWN_CLAIM", "records[" + i + "]");
            }
        }
        List<AttendanceSheet.Problem> problems = new ArrayList<>(AttendanceSheet.check(lines,
                activity.startsAt.toInstant(), activity.endsAt.toInstant(), activityId, claims.claimRules(), Instant.now()));
        Set<Long> named = lines.stream().map(AttendanceSheet.Line::volunteerId).collect(Collectors.toSet());
        Set<Long> known = store.existingVolunteers(named);
        Set<Long> enrolled = activity.walkInsWelcome ? known : store.enrolledAmong(activityId, named);
        for (int i = 0; i < lines.size(); i++) {
            long volunteerId = lines.get(i).volunteerId();
            if (!known.contains(volunteerId)) {
                problems.add(new AttendanceSheet.Problem(i, "VOLUNTEER_NOT_FOUND", volunteerId));
            } else if (!enrolled.contains(volunteerId)) {
                problems.add(new AttendanceSheet.Problem(i, "NOT_ENROLLED", volunteerId));
            }
        }
        for (int i : store.overlappingLiveClaims(lines)) {
            problems.add(new AttendanceSheet.Problem(i, "CLAIM_OVERLAPS", null));
        }
        if (!problems.isEmpty()) {
            throw invalid(AttendanceSheet.inLineOrder(problems));
        }
        String description = "attendance: " + activity.title;
        List<HourClaim> made = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            AttendanceSheet.Line line = lines.get(i);
            try {
                made.add(claims.record(caller.subject(), line.volunteerId(), activity.communityId,
                        activity.id, activity.category, line.checkIn(), line.checkOut(), description));
            } catch (RuntimeException e) {
                // a claim written since the check above (or a clock that moved on): still this record's fault
                ApiException problem = SqlErrors.problemOf(e);
                if (problem == null || SqlErrors.isRetryable(e) || problem.status() >= 500) {
                    throw e;
                }
                throw invalid(List.of(new AttendanceSheet.Problem(i, problem.code(),
                        problem.args().length == 0 ? null : problem.args()[0])));
            }
        }
        Metrics.count("timebank.activities.attendance.records", made.size());
        return made;
    }

    private static ApiException invalid(List<AttendanceSheet.Problem> problems) {
        long records = problems.stream().mapToInt(AttendanceSheet.Problem::index).distinct().count();
        return new ApiException(422, "ATTENDANCE_INVALID", problems.stream()
                .map(p -> new ApiException.Item("records[" + p.index() + "]", null, p.code(), p.arg())).toList(),
                records);
    }

    /** Issues a check-in code for the activity; only its keyed hash is kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedCheckinCode issueCode(Caller caller, long activityId) {
        inScope(caller, activityId);
        Instant expiresAt = Instant.now().plus(config.checkinCodeTtl());
        String code;
        do {
            code = CheckinCode.generate(random);
        } while (!store.addCheckinCode(activityId, hash(activityId, code), expiresAt, caller.subject()));
        return new IssuedCheckinCode(code, expiresAt);
    }

    /** The calling volunteer's check-in with a code: a pending claim for their time at the activity. */
    @Transactional(Transactional.TxType.MANDATORY)
    public HourClaim checkIn(Caller caller, long activityId, CodeCheckIn request) {
        Long volunteerId = caller.volunteerId();
        if (volunteerId == null) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        Activity activity = activities.require(activityId);
        if (volunteers.find(volunteerId).isEmpty()) {
            throw ApiException.unprocessable("VOLUNTEER_NOT_FOUND", volunteerId);
        }
        if (!store.checkinCodeValid(activityId, hash(activityId, CheckinCode.normalize(request.code())))) {
            throw ApiException.unprocessable("CHECKIN_CODE_INVALID", activityId);
        }
        if (!activity.walkInsWelcome && store.enrolledAmong(activityId, Set.of(volunteerId)).isEmpty()) {
            throw ApiException.unprocessable("NOT_ENROLLED", volunteerId);
        }
        Instant in = request.checkIn();
        Instant out = request.checkOut();
        if (out.isAfter(in) && !AttendanceSheet.touchesActivity(in, out, activity.startsAt.toInstant(),
                activity.endsAt.toInstant())) {
            throw new ApiException(422, "ATTENDANCE_OUTSIDE_ACTIVITY",
                    List.of(new ApiException.Item("checkIn", null, "ATTENDANCE_OUTSIDE_ACTIVITY", activityId)), activityId);
        }
        return claims.record(caller.subject(), volunteerId, activity.communityId, activity.id,
                activity.category, in, out, "check-in: " + activity.title);
    }

    private Activity inScope(Caller caller, long activityId) {
        Activity activity = activities.require(activityId);
        if (!caller.covers(regions.require(activity.communityId).pathIds())) {
            throw ApiException.forbidden("NOT_IN_SCOPE", activity.communityId);
        }
        return activity;
    }

    private byte[] hash(long activityId, String code) {
        return hasher.hash(CODE_HASH_KIND, activityId + ":" + code);
    }
}
