package org.timebank.hours;

import static org.timebank.support.Api.as;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/** Activities and their attendance built through the API, for the activity tests. */
final class Activities {
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    static final OffsetDateTime YESTERDAY_9AM = OffsetDateTime.now(CHINA).minusDays(1)
            .withHour(9).withMinute(0).withSecond(0).withNano(0);
    static final OffsetDateTime NEXT_WEEK_9AM = YESTERDAY_9AM.plusDays(8);

    private Activities() {}

    static Map<String, Object> body(long community, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("communityId", community);
        body.put("title", "社区食堂帮厨");
        body.put("category", "KITCHEN");
        body.put("place", "社区食堂");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("capacity", capacity);
        return body;
    }

    /** An activity of three hours from {@code startsAt}, published by the admin; only enrolled volunteers attend. */
    static long create(long community, OffsetDateTime startsAt, int capacity) {
        return as(Tokens.admin()).body(body(community, startsAt, startsAt.plusHours(3), capacity))
                .post("/api/v1/activities").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Such an activity that welcomes walk-ins: anyone who came is recorded, enrolled or not. */
    static long openToWalkIns(long community, OffsetDateTime startsAt, int capacity) {
        Map<String, Object> body = body(community, startsAt, startsAt.plusHours(3), capacity);
        body.put("walkInsWelcome", true);
        return as(Tokens.admin()).body(body).post("/api/v1/activities").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    /** A fresh region tree whose city's rules name the activities' category (see {@link #cityRates}). */
    static Api.Tree tree() {
        Api.Tree t = Api.tree();
        cityRates(t.city());
        return t;
    }

    static Map<String, Object> record(long volunteerId, OffsetDateTime checkIn, OffsetDateTime checkOut) {
        return Map.of("volunteerId", volunteerId, "checkIn", checkIn.toString(), "checkOut", checkOut.toString());
    }

    static Map<String, Object> sheet(List<Map<String, Object>> records) {
        return Map.of("records", records);
    }

    /** City-wide rates, in force since well before yesterday: DEFAULT 1 point an hour, KITCHEN 6. */
    static void cityRates(long city) {
        as(Tokens.admin()).body(Map.of("granularityMinutes", 1, "rounding", "DOWN",
                        "rates", List.of(Map.of("category", "DEFAULT", "pointsPerHour", 1),
                                Map.of("category", "KITCHEN", "pointsPerHour", 6)),
                        "effectiveFrom", YESTERDAY_9AM.minusDays(30).toString()))
                .put("/api/v1/regions/" + city + "/conversion-rules").then().statusCode(200);
    }
}
