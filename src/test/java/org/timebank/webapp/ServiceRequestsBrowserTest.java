package org.timebank.webapp;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Tokens;
import org.timebank.support.WithDemoData;

/**
 * Spending stored hours through the screens (src/main/webui/e2e/service-requests.mjs): a resident
 * posts a need on a phone, a volunteer nearby takes it, seeing who pays, and reports the minutes
 * served; the resident confirms, and both see their hours change. The resident disputes another
 * service, which staff settle in part from the disputes queue; staff confirm a neighbour's service
 * for them, post a need on the resident's behalf and read the hours the community's residents hold;
 * the resident and the volunteer link as family. The resident posts a need the volunteer's hours pay
 * for; a carer declares her skills and free times and takes it from the needs that fit her; staff
 * record that she did not come, and cancel an elder's taken need with a reason. Then the API says it
 * all happened, once each despite double taps.
 */
@QuarkusTest
@TestProfile(WithDemoData.class)
class ServiceRequestsBrowserTest {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final String PATH = "/api/v1/service-requests";

    @TestHTTPResource("/")
    URL root;

    private static JsonPath step(String token, long id, String step, Map<String, Object> body) {
        var spec = as(token).header("Idempotency-Key", Api.key());
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post(PATH + "/" + id + "/" + step).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_resident_spends_stored_hours_on_a_service_a_volunteer_gives_and_staff_settle_a_dispute() throws Exception {
        Api.Tree t = Api.tree();
        // mutual aid: the minutes served move from the resident's wallet to the volunteer's
        as(Tokens.admin()).body(Map.of("settlement", "MUTUAL_AID",
                        "categories", List.of("MEAL_DELIVERY", "CLEANING", "ELDER_COMPANY")))
                .put("/api/v1/regions/" + t.city() + "/service-rules").then().statusCode(200);
        Api.Volunteer resident = Api.volunteer(t.community());
        Api.adjust(resident.hoursAccount(), "CREDIT", 180).statusCode(201);
        Api.Volunteer helper = Api.volunteer(t.community());
        String residentToken = Tokens.volunteer(resident.id());
        String helperToken = Tokens.volunteer(helper.id());

        // another service of the resident's, already taken and reported: the one they will dispute
        String otherPlace = Api.unique("5号楼");
        OffsetDateTime start = OffsetDateTime.now(CHINA).plusDays(1).withHour(14).withMinute(0).withSecond(0).withNano(0);
        long disputed = as(residentToken).header("Idempotency-Key", Api.key())
                .body(Map.of("category", "ELDER_COMPANY", "place", otherPlace, "windowStartsAt", start.toString(),
                        "windowEndsAt", start.plusHours(2).toString(), "expectedMinutes", 60))
                .post(PATH).then().statusCode(201).extract().jsonPath().getLong("id");
        step(helperToken, disputed, "acceptance", null);
        step(helperToken, disputed, "completion", Map.of("minutesServed", 50));

        // a neighbour's service, reported and waiting for a confirmation staff give on their behalf
        Api.Volunteer neighbour = Api.volunteer(t.community());
        Api.adjust(neighbour.hoursAccount(), "CREDIT", 60).statusCode(201);
        long reported = as(Tokens.volunteer(neighbour.id())).header("Idempotency-Key", Api.key())
                .body(Map.of("category", "CLEANING", "place", Api.unique("9号楼"),
                        "windowStartsAt", start.toString(), "windowEndsAt", start.plusHours(2).toString(), "expectedMinutes", 40))
                .post(PATH).then().statusCode(201).extract().jsonPath().getLong("id");
        step(helperToken, reported, "acceptance", null);
        step(helperToken, reported, "completion", Map.of("minutesServed", 30));

        // an elder's need, taken: staff cancel it; and an open one no carer of meals fits
        Api.Volunteer elder = Api.volunteer(t.community());
        Api.adjust(elder.hoursAccount(), "CREDIT", 120).statusCode(201);
        String elderToken = Tokens.volunteer(elder.id());
        OffsetDateTime morning = start.withHour(9);
        long toCancel = as(elderToken).header("Idempotency-Key", Api.key())
                .body(Map.of("category", "ELDER_COMPANY", "place", Api.unique("2号楼"), "windowStartsAt", morning.toString(),
                        "windowEndsAt", morning.plusHours(2).toString(), "expectedMinutes", 60))
                .post(PATH).then().statusCode(201).extract().jsonPath().getLong("id");
        step(helperToken, toCancel, "acceptance", null);
        String unfitPlace = Api.unique("8号楼");
        as(elderToken).header("Idempotency-Key", Api.key())
                .body(Map.of("category", "ELDER_COMPANY", "place", unfitPlace, "windowStartsAt", morning.toString(),
                        "windowEndsAt", morning.plusHours(2).toString(), "expectedMinutes", 30))
                .post(PATH).then().statusCode(201);
        Api.Volunteer carer = Api.volunteer(t.community());

        String place = Api.unique("3号楼");
        String familyPlace = Api.unique("6号楼");
        String staffPlace = Api.unique("7号楼");
        Map<String, Object> world = new HashMap<>();
        world.put("residentToken", residentToken);
        world.put("residentId", resident.id());
        world.put("helperToken", helperToken);
        world.put("helperId", helper.id());
        world.put("staffToken", Tokens.staff(Api.unique("staff"), t.community()));
        world.put("place", place);
        world.put("otherPlace", otherPlace);
        world.put("staffPlace", staffPlace);
        world.put("disputed", disputed);
        world.put("reported", reported);
        world.put("toCancel", toCancel);
        world.put("unfitPlace", unfitPlace);
        world.put("familyPlace", familyPlace);
        world.put("carerToken", Tokens.volunteer(carer.id()));
        world.put("tomorrowWeekday", start.getDayOfWeek().name());
        // what the community's residents hold afterwards: 180 + 60 + 120 minutes, moved between them, none held
        world.put("liability", "6 小时");
        world.put("withdrawn", "1 小时 45 分钟"); // 45, 30 and 30 minutes paid
        Chromium.run(root, "e2e/service-requests.mjs", world);

        List<Map<String, Object>> requests = as(residentToken).queryParam("relation", "REQUESTER").get(PATH).then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertEquals(4, requests.size(), "one need posted on the phone (tapped twice), the disputed one, one posted by staff, "
                + "one paid by family: " + requests);
        Map<String, Object> posted = byPlace(requests, place);
        assertEquals("CONFIRMED", posted.get("status"));
        assertEquals("MEAL_DELIVERY", posted.get("category"));
        assertEquals(60, posted.get("expectedMinutes"));
        assertEquals(45, posted.get("postedMinutes"));
        assertEquals((int) helper.id(), posted.get("providerId"));
        Map<String, Object> settled = byPlace(requests, otherPlace);
        assertEquals("RESOLVED", settled.get("status"));
        assertEquals(30, settled.get("postedMinutes"));
        Map<String, Object> onBehalf = byPlace(requests, staffPlace);
        assertEquals("OPEN", onBehalf.get("status"));
        assertEquals("CLEANING", onBehalf.get("category"));
        assertEquals("SELF", onBehalf.get("payerType"));
        Map<String, Object> familyPaid = byPlace(requests, familyPlace);
        assertEquals("FAMILY", familyPaid.get("payerType"));
        assertEquals((int) helper.id(), familyPaid.get("payerVolunteerId"));
        assertEquals((int) carer.id(), familyPaid.get("providerId"), "the carer took it from the needs that fit her");
        assertEquals(30, familyPaid.get("expectedMinutes"));
        assertEquals("NO_SHOW", familyPaid.get("status"));
        assertEquals("PROVIDER", familyPaid.get("noShowParty"), "staff recorded that the carer did not come");
        as(Tokens.admin()).get(PATH + "/" + toCancel).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("reason", equalTo("居民住院"));
        assertEquals(120, Api.balance(elder, "hours.minutes"), "the cancelled need paid nothing");
        assertEquals(0, Api.balance(elder, "hours.pendingMinutes"), "its hold is released");
        assertEquals(0, Api.balance(helper, "hours.pendingMinutes"), "the family member's hold is released at the no-show");
        JsonPath profile = as(Tokens.volunteer(carer.id())).get("/api/v1/volunteers/" + carer.id() + "/service-profile")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("MEAL_DELIVERY"), profile.getList("skills"));
        assertEquals(List.of(Map.of("weekday", start.getDayOfWeek().name(), "from", "08:00", "to", "12:00")),
                profile.getList("availability"));

        assertEquals(180 - 45 - 30, Api.balance(resident, "hours.minutes"), "the resident paid 45 and 30 minutes");
        assertEquals(0, Api.balance(resident, "hours.pendingMinutes"), "nothing is held any more");
        assertEquals(45 + 30 + 30, Api.balance(helper, "hours.minutes"), "the volunteer received what was paid");
        assertEquals(60 - 30, Api.balance(neighbour, "hours.minutes"), "staff confirmed the neighbour's 30 minutes");
        as(Tokens.admin()).get(PATH + "/" + reported).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("postedMinutes", equalTo(30));

        List<Map<String, Object>> links = as(helperToken).get("/api/v1/volunteers/" + helper.id() + "/family-links").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertEquals(1, links.size(), "one family link, asked for once: " + links);
        assertEquals("CONFIRMED", links.get(0).get("status"));
        assertEquals((int) resident.id(), links.get(0).get("requestedBy"));
        assertEquals(600, links.get(0).get("memberLimitMinutes"), "the member limited what their hours pay");
    }

    private static Map<String, Object> byPlace(List<Map<String, Object>> requests, String place) {
        return requests.stream().filter(r -> place.equals(r.get("place"))).findFirst()
                .orElseThrow(() -> new AssertionError("no request at " + place + " in " + requests));
    }
}
