package org.timebank.servicerequest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.timebank.servicerequest.ServiceRequestFixtures.PATH;
import static org.timebank.servicerequest.ServiceRequestFixtures.accept;
import static org.timebank.servicerequest.ServiceRequestFixtures.body;
import static org.timebank.servicerequest.ServiceRequestFixtures.post;
import static org.timebank.servicerequest.ServiceRequestFixtures.request;
import static org.timebank.servicerequest.ServiceRequestFixtures.with;
import static org.timebank.servicerequest.ServiceRequestFixtures.withMinutes;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

@QuarkusTest
class ServiceRequestListTest {
    @Test
    void a_volunteer_finds_open_needs_in_their_community_and_street_and_their_own_requests_and_tasks() {
        Api.Tree t = Api.tree();
        long neighbour = Api.region(Api.unique("社区"), "COMMUNITY", t.street());
        Api.Volunteer me = withMinutes(t.community(), 0);
        Api.Volunteer here = withMinutes(t.community(), 100);
        Api.Volunteer next = withMinutes(neighbour, 100);
        long mine = request(here, 30);
        long nextDoor = request(next, 30);
        long taken = request(here, 30);
        accept(me, taken).then().statusCode(200);
        String token = Tokens.volunteer(me.id());

        as(token).get(PATH + "?near=COMMUNITY&status=OPEN").then().statusCode(200).body("items.id", contains((int) mine));
        as(token).get(PATH + "?near=STREET&status=OPEN").then().statusCode(200)
                .body("items.id", contains((int) nextDoor, (int) mine));
        as(token).get(PATH + "?relation=PROVIDER").then().statusCode(200).body("items.id", contains((int) taken));
        as(Tokens.volunteer(here.id())).get(PATH + "?relation=REQUESTER").then().statusCode(200)
                .body("items.id", contains((int) taken, (int) mine));
        // another volunteer sees the open needs, never the one taken by someone else
        as(Tokens.volunteer(next.id())).get(PATH + "?regionId=" + t.community()).then().statusCode(200)
                .body("items.id", contains((int) mine));
        as(Tokens.volunteer(next.id())).get(PATH + "/" + taken).then().statusCode(404);
        as(Tokens.volunteer(next.id())).get(PATH + "/" + mine).then().statusCode(200);
    }

    @Test
    void lists_filter_by_category_and_window_and_page_with_a_cursor() {
        Api.Tree t = Api.tree();
        Api.Volunteer requester = withMinutes(t.community(), 500);
        String token = Tokens.volunteer(requester.id());
        long meal = request(requester, 30);
        long cleaning = post(token, with(body(30), "category", "CLEANING")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        OffsetDateTime later = OffsetDateTime.now(ServiceRequestFixtures.SHANGHAI).plusDays(10);
        long nextWeek = post(token, with(body(30), "windowStartsAt", later.toString(),
                "windowEndsAt", later.plusHours(2).toString())).then().statusCode(201).extract().jsonPath().getLong("id");
        String staff = Tokens.staff("staff-list", t.community());

        as(staff).get(PATH + "?category=CLEANING&regionId=" + t.community()).then().statusCode(200)
                .body("items.id", contains((int) cleaning));
        as(staff).queryParam("regionId", t.community()).queryParam("from", later.minusHours(1).toString())
                .get(PATH).then().statusCode(200).body("items.id", contains((int) nextWeek));
        String first = as(staff).get(PATH + "?limit=2&regionId=" + t.community()).then().statusCode(200)
                .body("items.id", contains((int) nextWeek, (int) cleaning)).body("nextCursor", notNullValue())
                .extract().jsonPath().getString("nextCursor");
        as(staff).get(PATH + "?limit=2&regionId=" + t.community() + "&cursor=" + first).then().statusCode(200)
                .body("items.id", contains((int) meal)).body("nextCursor", nullValue());
        as(Tokens.staff("staff-elsewhere", Api.tree().community())).get(PATH + "?regionId=" + t.community()).then()
                .statusCode(200).body("items", empty());
    }

    @Test
    void a_volunteer_filters_open_needs_by_their_skills_and_availability() {
        Api.Tree t = Api.tree();
        Api.Volunteer requester = withMinutes(t.community(), 500);
        Api.Volunteer helper = withMinutes(t.community(), 0);
        String token = Tokens.volunteer(requester.id());
        long meal = request(requester, 30); // tomorrow 09:00-12:00 Shanghai
        long cleaning = post(token, with(body(30), "category", "CLEANING")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String tomorrow = OffsetDateTime.now(ServiceRequestFixtures.SHANGHAI).plusDays(1).getDayOfWeek().name();
        String other = OffsetDateTime.now(ServiceRequestFixtures.SHANGHAI).plusDays(2).getDayOfWeek().name();
        Map<String, Object> profile = Map.of("skills", List.of("MEAL_DELIVERY"),
                "availability", List.of(Map.of("weekday", other, "from", "08:00", "to", "18:00")));
        as(Tokens.volunteer(helper.id())).header("Idempotency-Key", Api.key()).body(profile)
                .put("/api/v1/volunteers/" + helper.id() + "/service-profile").then().statusCode(200)
                .body("skills", contains("MEAL_DELIVERY"));
        String helperToken = Tokens.volunteer(helper.id());
        as(helperToken).get(PATH + "?matching=true&near=COMMUNITY").then().statusCode(200).body("items", empty());

        as(helperToken).header("Idempotency-Key", Api.key()).body(Map.of("skills", List.of("MEAL_DELIVERY"),
                        "availability", List.of(Map.of("weekday", tomorrow, "from", "10:00", "to", "11:00"))))
                .put("/api/v1/volunteers/" + helper.id() + "/service-profile").then().statusCode(200);
        as(helperToken).get(PATH + "?matching=true&near=COMMUNITY").then().statusCode(200)
                .body("items.id", contains((int) meal)).body("items.id", not(hasItem((int) cleaning)));

        as(Tokens.staff("staff-res", t.street())).get("/api/v1/regions/" + t.street() + "/service-resources?category=MEAL_DELIVERY")
                .then().statusCode(200).body("items.volunteerId", contains((int) helper.id()))
                .body("items[0].availability[0].from", equalTo("10:00"));
        as(Tokens.staff("staff-res", Api.tree().community())).get("/api/v1/regions/" + t.street() + "/service-resources")
                .then().statusCode(403);
        as(helperToken).header("Idempotency-Key", Api.key()).body(Map.of("skills", List.of(),
                        "availability", List.of(Map.of("weekday", tomorrow, "from", "11:00", "to", "10:00"))))
                .put("/api/v1/volunteers/" + helper.id() + "/service-profile").then().statusCode(422)
                .body("code", equalTo("AVAILABILITY_SLOT_INVALID"));
        as(helperToken).header("Idempotency-Key", Api.key()).body(profile)
                .put("/api/v1/volunteers/" + requester.id() + "/service-profile").then().statusCode(403);
    }
}
