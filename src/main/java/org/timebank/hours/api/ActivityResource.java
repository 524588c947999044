package org.timebank.hours.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.ApiException;
import org.timebank.common.Idempotency;
import org.timebank.common.Idempotent;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.common.QueryParams;
import org.timebank.common.Roles;
import org.timebank.common.Tx;
import org.timebank.hours.ActivityCursor;
import org.timebank.hours.ActivityService;
import org.timebank.hours.AttendanceService;
import org.timebank.hours.api.ActivityViews.ActivityView;
import org.timebank.hours.api.ActivityViews.Attendance;
import org.timebank.hours.api.ActivityViews.AttendanceView;
import org.timebank.hours.api.ActivityViews.CheckIn;
import org.timebank.hours.api.ActivityViews.CheckinCodeView;
import org.timebank.hours.api.ActivityViews.CreateActivity;
import org.timebank.hours.api.ActivityViews.Enroll;
import org.timebank.hours.api.ActivityViews.EnrollmentView;
import org.timebank.hours.api.HoursViews.ClaimView;
import org.timebank.hours.persistence.ActivityStore;
import org.timebank.security.AttemptLimiter;
import org.timebank.security.Caller;
import org.timebank.security.RateLimitConfig;

@Path("/api/v1/activities")
@Tag(name = "Activities", description = "Activities communities publish, enrollment within capacity, and attendance that becomes hour claims")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {
    @Inject
    ActivityService activities;
    @Inject
    AttendanceService attendance;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    Tx tx;
    @Inject
    ObjectMapper json;
    @Inject
    AttemptLimiter attempts;
    @Inject
    RateLimitConfig rateLimits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "publishActivity", summary = "Publish an activity (staff serving its community, admin)",
            description = "The activity's hour claims are made in its community under its category, which must be one "
                    + "the conversion rules in force for the community at startsAt rate, or DEFAULT (else 422 "
                    + "UNKNOWN_SERVICE_CATEGORY, field category); pointsPerHour, when given, overrides the region's rate for "
                    + "them. Capacity bounds the enrollments. Attendance and check-ins accept only enrolled volunteers "
                    + "unless walkInsWelcome is true. An end not after the start is a 400 VALIDATION_FAILED with "
                    + "ACTIVITY_END_NOT_AFTER_START on endsAt.")
    @APIResponse(responseCode = "201", description = "Published",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "403", description = "NOT_IN_SCOPE: the community is outside the regions the caller serves")
    @APIResponse(responseCode = "422", description = "REGION_NOT_FOUND, NOT_A_COMMUNITY, UNKNOWN_SERVICE_CATEGORY")
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull CreateActivity request) {
        return idempotency.write(idempotencyKey, request, () -> {
            ActivityView activity = ActivityView.of(activities.create(caller, request.command()));
            return Idempotency.Outcome.created(URI.create("/api/v1/activities/" + activity.id()), activity);
        });
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "listActivities", summary = "List activities by start time (anyone signed in)",
            description = "regionId: the activities of the region's whole subtree (without it: all). from, to (RFC 3339): "
                    + "the activities whose time overlaps [from, to). Ordered by startsAt, then id. A malformed regionId, from "
                    + "or to, or a to not after from, is a 400 INVALID_PARAMETER naming it. mine=true (volunteers): only the "
                    + "activities the caller enrolled in; for a caller who is not a volunteer, none.")
    public Page<ActivityView> list(
            @QueryParam("regionId") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String regionId,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                    example = "2026-11-01T00:00:00+08:00") String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                    example = "2026-12-01T00:00:00+08:00") String to,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("mine") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String mine) {
        int pageSize = Paging.of(limit, null).limit();
        ActivityStore.Position after = ActivityCursor.decode(cursor);
        ActivityStore.ListFilter filter = new ActivityStore.ListFilter(QueryParams.id("regionId", regionId),
                QueryParams.time("from", from), QueryParams.time("to", to), enrolledFilter(mine));
        if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
            throw ApiException.badRequest("INVALID_PARAMETER", "to");
        }
        return tx.inNew(() -> activities.list(filter, after, pageSize).map(ActivityView::of));
    }

    /** mine=true filters by the caller's enrollments; a caller who is no volunteer enrolled in nothing (id 0 matches none). */
    private Long enrolledFilter(String mine) {
        if (mine == null || mine.equals("false")) {
            return null;
        }
        if (!mine.equals("true")) {
            throw ApiException.badRequest("INVALID_PARAMETER", "mine");
        }
        return caller.volunteerId() == null ? 0L : caller.volunteerId();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getActivity", summary = "Read an activity (anyone signed in)")
    @APIResponse(responseCode = "200", description = "The activity",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    public ActivityView get(@PathParam("id") long id) {
        return tx.inNew(() -> ActivityView.of(activities.require(id)));
    }

    @POST
    @Path("/{id}/enrollments")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "enrollInActivity", summary = "Enroll in an activity (the calling volunteer)",
            description = "No body, or {}. A volunteer enrolls once; enrollments never exceed the capacity, however many "
                    + "arrive at once. An activity that has started may still be joined until it ends.")
    @APIResponse(responseCode = "201", description = "Enrolled",
            content = @Content(schema = @Schema(implementation = EnrollmentView.class)))
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ALREADY_ENROLLED, ACTIVITY_FULL")
    @APIResponse(responseCode = "422", description = "ACTIVITY_ENDED")
    @Idempotent
    public Response enroll(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                           @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   schema = @Schema(implementation = Enroll.class))) String body) {
        requireNoFields(body);
        return idempotency.write(idempotencyKey, "",
                () -> new Idempotency.Outcome(201, EnrollmentView.of(activities.enroll(caller, id)), null));
    }

    @GET
    @Path("/{id}/enrollments")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "listEnrollments", summary = "Who enrolled in an activity (staff serving its community, admin)",
            description = "By volunteer id, a page at a time (`?limit=&cursor=`): the attendance sheet's rows.")
    @APIResponse(responseCode = "200", description = "A page of the enrollments, by volunteer id")
    @APIResponse(responseCode = "403", description = "NOT_IN_SCOPE")
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    public Page<EnrollmentView> enrollments(@PathParam("id") long id,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor) {
        Paging paging = Paging.of(limit, cursor);
        return tx.inNew(() -> activities.enrollments(caller, id, paging).map(EnrollmentView::of));
    }

    /**
     * The enrollment body carries nothing, and clients send none, or {} with or without a content type;
     * so it is read as text, and a field sent by mistake is refused rather than ignored.
     */
    private void requireNoFields(String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        JsonNode json;
        try {
            json = this.json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_JSON");
        }
        if (!json.isObject()) {
            throw ApiException.badRequest("MALFORMED_JSON");
        }
        if (json.size() > 0) {
            String field = json.fieldNames().next();
            throw new ApiException(400, "UNKNOWN_FIELD", List.of(new ApiException.Item(field, null, "UNKNOWN_FIELD", field)),
                    field);
        }
    }

    @POST
    @Path("/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "recordAttendance", summary = "Record attendance: a pending hour claim per record (staff serving the activity's community)",
            description = "All or nothing. Each record must meet the rules of an hour claim, overlap the activity's time, "
                    + "name a volunteer who exists and enrolled (unless the activity welcomes walk-ins), and overlap "
                    + "neither another record of the same volunteer nor one of their pending or approved claims. If any does not, nothing is recorded and the problem lists every "
                    + "bad record in `errors` (field `records[i]`, with its code). Staff never record their own hours.")
    @APIResponse(responseCode = "201", description = "The pending claims, in the order of the records",
            content = @Content(schema = @Schema(implementation = AttendanceView.class)))
    @APIResponse(responseCode = "403", description = "NOT_IN_SCOPE; OWN_CLAIM: a record names the caller")
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    @APIResponse(responseCode = "422", description = "ATTENDANCE_INVALID, with each bad record in `errors`: CLAIM_END_NOT_AFTER_START, "
            + "CLAIM_IN_FUTURE, CLAIM_TOO_LONG, CLAIM_TOO_SHORT, CLAIM_TOO_OLD, ATTENDANCE_OUTSIDE_ACTIVITY, "
            + "ATTENDANCE_RECORDS_OVERLAP, CLAIM_OVERLAPS, VOLUNTEER_NOT_FOUND, NOT_ENROLLED")
    @Idempotent
    public Response attend(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                           @Valid @NotNull Attendance request) {
        return idempotency.write(idempotencyKey, request,
                () -> new Idempotency.Outcome(201, new AttendanceView(id, attendance.record(caller, id, request.lines())
                        .stream().map(ClaimView::of).toList()), null));
    }

    @POST
    @Path("/{id}/checkin-codes")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "issueCheckinCode", summary = "Issue a check-in code to show at the venue (staff serving the activity's community)",
            description = "Six characters without look-alikes, valid for timebank.activities.checkin-code-ttl (default two "
                    + "hours). Only a keyed hash of the code is stored with the activity: the code itself is shown in this "
                    + "response (and kept for replay with it, when the call carries an Idempotency-Key).")
    @APIResponse(responseCode = "201", description = "The code and when it expires",
            content = @Content(schema = @Schema(implementation = CheckinCodeView.class)))
    @APIResponse(responseCode = "403", description = "NOT_IN_SCOPE")
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    @Idempotent
    public Response issueCode(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id) {
        return idempotency.write(idempotencyKey, "",
                () -> new Idempotency.Outcome(201, CheckinCodeView.of(attendance.issueCode(caller, id)), null));
    }

    @POST
    @Path("/{id}/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "checkInToActivity", summary = "Check in with the venue's code: a pending hour claim for the calling volunteer",
            description = "The code must be one issued for this activity and not yet expired. The volunteer must have "
                    + "enrolled, unless the activity welcomes walk-ins. The period must overlap the activity's time and "
                    + "meet the rules of an hour claim; staff review it like any claim. Wrong or expired codes are limited "
                    + "per volunteer and per activity (timebank.rate-limits.checkin-code.*): past a limit, every code is "
                    + "refused with 429 until its window has passed.")
    @APIResponse(responseCode = "201", description = "The pending claim",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CLAIM_OVERLAPS")
    @APIResponse(responseCode = "422", description = "CHECKIN_CODE_INVALID (wrong or expired), NOT_ENROLLED, ATTENDANCE_OUTSIDE_ACTIVITY, "
            + "CLAIM_END_NOT_AFTER_START, CLAIM_IN_FUTURE, CLAIM_TOO_LONG, CLAIM_TOO_SHORT, CLAIM_TOO_OLD")
    @APIResponse(responseCode = "429", description = "TOO_MANY_ATTEMPTS: too many wrong or expired codes from this "
            + "volunteer, or for this activity, within the window; any code, the right one too, is refused until it ends",
            headers = @Header(name = "Retry-After", description = "Seconds until the window ends",
                    schema = @Schema(type = SchemaType.INTEGER)))
    @Idempotent
    public Response checkIn(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                            @Valid @NotNull CheckIn request) {
        return attempts.guard(checkInLimits(id), AttendanceService.WRONG_CODE, () -> idempotency.write(
                idempotencyKey, request, () -> {
                    ClaimView claim = ClaimView.of(attendance.checkIn(caller, id, request.command()));
                    return Idempotency.Outcome.created(URI.create("/api/v1/hour-claims/" + claim.id()), claim);
                }));
    }

    /**
     * Wrong codes count against the volunteer, whatever the activity, and against the activity, whose
     * codes are what is being guessed: many volunteers' accounts together get no more tries at it.
     */
    private List<AttemptLimiter.Limit> checkInLimits(long activityId) {
        RateLimitConfig.CheckinCode limits = rateLimits.checkinCode();
        return List.of(
                new AttemptLimiter.Limit("checkin-code.caller", caller.subject(), limits.perCaller(), limits.window()),
                new AttemptLimiter.Limit("checkin-code.activity", Long.toString(activityId), limits.perActivity(),
                        limits.window()));
    }
}
