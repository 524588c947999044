package org.timebank.hours.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.common.Times;
import org.timebank.hours.api.HoursViews.ClaimView;
import org.timebank.hours.domain.AttendanceSheet;
import org.timebank.hours.domain.CodeCheckIn;
import org.timebank.hours.domain.Enrollment;
import org.timebank.hours.domain.IssuedCheckinCode;
import org.timebank.hours.domain.NewActivity;
import org.timebank.hours.persistence.Activity;

/** The JSON shapes of activities: publishing, enrolling, attendance and check-in codes. */
public final class ActivityViews {
    private ActivityViews() {}

    @Schema(name = "CreateActivity", description = "An activity a community publishes for volunteers to enroll in")
    public record CreateActivity(
            @NotNull @Positive @Schema(description = "the community it takes place in", example = "4") Long communityId,
            @NotBlank @Size(max = 100) @Schema(example = "社区食堂帮厨") String title,
            @NotNull @Pattern(regexp = HoursViews.CATEGORY) @Schema(description = "service category: the conversion rule its "
                    + "hours earn under; one the rules in force for the community at startsAt rate, or DEFAULT",
                    example = "KITCHEN") String category,
            @Size(max = 200) @Schema(example = "百步亭花园社区食堂") String place,
            @NotNull @Schema(example = "2026-11-25T09:00:00+08:00") OffsetDateTime startsAt,
            @NotNull @Schema(description = "must follow startsAt", example = "2026-11-25T11:30:00+08:00") OffsetDateTime endsAt,
            @NotNull @Min(1) @Max(100000) @Schema(description = "how many volunteers may enroll", example = "10") Integer capacity,
            @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 3)
            @Schema(description = "points per hour for claims from this activity, overriding the region's rate for the category (up to 3 decimals)",
                    example = "6") BigDecimal pointsPerHour,
            @Schema(description = "whether volunteers who did not enroll may attend: staff record them and they check in "
                    + "like the enrolled (default false: only enrolled volunteers)", defaultValue = "false")
            Boolean walkInsWelcome) {

        public NewActivity command() {
            return new NewActivity(communityId, title, category, place, startsAt.toInstant(), endsAt.toInstant(), capacity,
                    pointsPerHour, Boolean.TRUE.equals(walkInsWelcome));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Activity")
    public record ActivityView(
            long id, long communityId, String title, String category, String place,
            OffsetDateTime startsAt, OffsetDateTime endsAt,
            @Schema(description = "how many volunteers may enroll") int capacity,
            @Schema(description = "how many have enrolled") int enrolled,
            @Schema(description = "the activity's own points per hour, if it sets one") BigDecimal pointsPerHour,
            @Schema(description = "whether volunteers who did not enroll may attend; if not, attendance and check-ins "
                    + "accept only enrolled volunteers") boolean walkInsWelcome,
            String createdBy, OffsetDateTime createdAt) {
        public static ActivityView of(Activity a) {
            return new ActivityView(a.id, a.communityId, a.title, a.category, a.place, Times.local(a.startsAt),
                    Times.local(a.endsAt), a.capacity, a.enrolled, plain(a.pointsPerHour), a.walkInsWelcome,
                    a.createdBy, Times.local(a.createdAt));
        }

        /** 6.000 as 6, never as 6E+0. */
        private static BigDecimal plain(BigDecimal rate) {
            if (rate == null) {
                return null;
            }
            BigDecimal stripped = rate.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    @Schema(name = "Enroll", description = "no fields: the calling volunteer enrolls (the body may also be left out)")
    public record Enroll() {}

    @Schema(name = "Enrollment")
    public record EnrollmentView(long activityId, long volunteerId, OffsetDateTime enrolledAt) {
        public static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(e.activityId(), e.volunteerId(), Times.local(e.enrolledAt()));
        }
    }

    @Schema(name = "AttendanceRecord", description = "one volunteer's time at the activity")
    public record AttendanceRecord(
            @NotNull @Positive @Schema(example = "1001") Long volunteerId,
            @NotNull @Schema(example = "2026-11-25T08:50:00+08:00") OffsetDateTime checkIn,
            @NotNull @Schema(example = "2026-11-25T11:40:00+08:00") OffsetDateTime checkOut) {}

    @Schema(name = "Attendance", description = "The attendance sheet of an activity: each record becomes a pending hour claim")
    public record Attendance(@NotEmpty @Size(max = 200) List<@Valid @NotNull AttendanceRecord> records) {
        public List<AttendanceSheet.Line> lines() {
            return records.stream().map(r -> new AttendanceSheet.Line(r.volunteerId(), r.checkIn().toInstant(),
                    r.checkOut().toInstant())).toList();
        }
    }

    @Schema(name = "AttendanceResult")
    public record AttendanceView(long activityId,
                                 @Schema(description = "the pending claims made, in the order of the records") List<ClaimView> claims) {}

    @Schema(name = "CheckinCode", description = "A code to show at the venue; volunteers check in with it until it expires")
    public record CheckinCodeView(@Schema(example = "K7PX3M") String code, OffsetDateTime expiresAt) {
        public static CheckinCodeView of(IssuedCheckinCode issued) {
            return new CheckinCodeView(issued.code(), Times.local(issued.expiresAt().atOffset(ZoneOffset.UTC)));
        }
    }

    @Schema(name = "CheckIn", description = "A volunteer's own check-in with the code shown at the venue; it becomes a pending hour claim")
    public record CheckIn(
            @NotBlank @Size(max = 20) @Schema(example = "K7PX3M") String code,
            @NotNull @Schema(example = "2026-11-25T08:50:00+08:00") OffsetDateTime checkIn,
            @NotNull @Schema(example = "2026-11-25T11:40:00+08:00") OffsetDateTime checkOut) {
        public CodeCheckIn command() {
            return new CodeCheckIn(code, checkIn.toInstant(), checkOut.toInstant());
        }
    }
}
