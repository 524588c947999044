package org.timebank.volunteer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Parallel;
import org.timebank.support.Problems;
import org.timebank.support.Tokens;

/** Moving a volunteer's home community: who may, what moves with them, what is kept of it. */
@QuarkusTest
class VolunteerMoveTest {

    private static Response move(String token, long volunteer, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/volunteers/" + volunteer + "/moves");
    }

    private static long register(long community, String phone) {
        return as(Tokens.admin()).body(Map.of("name", Api.unique("搬家"), "phone", phone, "homeCommunityId", community))
                .post("/api/v1/volunteers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long home(long volunteer) {
        return as(Tokens.admin()).get("/api/v1/volunteers/" + volunteer).then().statusCode(200).extract().jsonPath()
                .getLong("homeCommunityId");
    }

    private static JsonPath moves(String token, long volunteer) {
        return as(token).get("/api/v1/volunteers/" + volunteer + "/moves").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void the_wallet_and_its_history_move_with_the_volunteer_untouched_and_the_move_is_audited() {
        Api.Tree t = Api.tree();
        long nextDoor = Api.region(Api.unique("社区"), "COMMUNITY", t.street());
        Api.Volunteer v = Api.volunteer(t.community());
        Api.adjust(v.pointsAccount(), "CREDIT", 120).statusCode(201);
        Api.adjust(v.hoursAccount(), "CREDIT", 6_000).statusCode(201);
        Api.adjust(v.pointsAccount(), "DEBIT", 20).statusCode(201);
        String self = Tokens.volunteer(v.id());
        String balance = as(self).get("/api/v1/volunteers/" + v.id() + "/balance").then().statusCode(200)
                .extract().asString();
        String history = as(self).get("/api/v1/volunteers/" + v.id() + "/transactions?limit=100").then()
                .statusCode(200).extract().asString();

        JsonPath moved = move(Tokens.staff("mover-old", t.community()), v.id(), Map.of("toCommunityId", nextDoor))
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/volunteers/" + v.id() + "/moves"))
                .body("volunteerId", equalTo((int) v.id()))
                .body("fromCommunityId", equalTo((int) t.community()))
                .body("toCommunityId", equalTo((int) nextDoor))
                .body("movedBy", equalTo("mover-old"))
                .body("movedAt", notNullValue())
                .extract().jsonPath();

        assertEquals(nextDoor, home(v.id()));
        assertEquals(balance, as(self).get("/api/v1/volunteers/" + v.id() + "/balance").then().statusCode(200)
                .extract().asString());
        assertEquals(history, as(self).get("/api/v1/volunteers/" + v.id() + "/transactions?limit=100").then()
                .statusCode(200).extract().asString());
        assertEquals(100, Api.balance(v, "points.available"));
        JsonPath audit = moves(self, v.id());
        assertEquals(List.of(moved.getLong("id")), audit.getList("items.id", Long.class));
        assertEquals(moved.getString("movedAt"), audit.getString("items[0].movedAt"));
        // the volunteer now belongs to the new community's staff, and no longer to the old one's
        as(Tokens.staff("staff-new", nextDoor)).get("/api/v1/volunteers/" + v.id()).then().statusCode(200);
        Problems.assertProblem(as(Tokens.staff("mover-old", t.community())).get("/api/v1/volunteers/" + v.id()), 404,
                "VOLUNTEER_NOT_FOUND");
        as(Tokens.staff("staff-street", t.street())).get("/api/v1/volunteers/" + v.id() + "/moves").then()
                .statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void staff_of_the_new_community_alone_move_someone_in_only_by_their_phone_number() {
        Api.Tree home = Api.tree();
        Api.Tree elsewhere = Api.tree();
        Api.Tree third = Api.tree();
        String phone = Api.phone();
        long v = register(home.community(), phone);
        long missing = v + 1_000_000_000L;
        String newStaff = Tokens.staff("staff-new", elsewhere.street());
        Map<String, Object> in = Map.of("toCommunityId", elsewhere.community());

        // the phone is asked for before anyone is looked up: an unknown id gets the same answer
        Problems.assertProblem(move(newStaff, v, in), 422, "MOVE_PHONE_REQUIRED");
        Problems.assertProblem(move(newStaff, missing, in), 422, "MOVE_PHONE_REQUIRED");
        // a wrong number, or no such volunteer: as if there were none
        Map<String, Object> wrong = Map.of("toCommunityId", elsewhere.community(), "phone", Api.phone());
        String hidden = Problems.assertProblem(move(newStaff, v, wrong), 404, "VOLUNTEER_NOT_FOUND").extract().asString();
        String absent = Problems.assertProblem(move(newStaff, missing, Map.of("toCommunityId", elsewhere.community(),
                "phone", phone)), 404, "VOLUNTEER_NOT_FOUND").extract().asString();
        assertEquals(absent.replace(Long.toString(missing), Long.toString(v)), hidden);
        // staff serving neither community cannot move anyone, phone or not
        for (Map<String, Object> body : List.of(in, Map.<String, Object>of("toCommunityId", elsewhere.community(),
                "phone", phone))) {
            Problems.assertProblem(move(Tokens.staff("staff-third", third.street()), v, body), 404,
                    "VOLUNTEER_NOT_FOUND");
        }
        // staff of the old community who give a number must give the right one
        Problems.assertProblem(move(Tokens.staff("staff-old", home.community()), v, wrong), 422,
                "MOVE_PHONE_MISMATCH");
        // only staff and admins move volunteers
        Problems.assertProblem(move(Tokens.volunteer(v), v, in), 403, "FORBIDDEN");
        Problems.assertProblem(move(Tokens.shop("1"), v, in), 403, "FORBIDDEN");
        Problems.assertProblem(given().contentType(ContentType.JSON).body(in)
                .post("/api/v1/volunteers/" + v + "/moves"), 401, "UNAUTHENTICATED");
        assertEquals(home.community(), home(v));
        assertEquals(List.of(), moves(Tokens.admin(), v).getList("items"));

        String written = "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        move(newStaff, v, Map.of("toCommunityId", elsewhere.community(), "phone", written)).then().statusCode(201)
                .body("movedBy", equalTo("staff-new"));
        assertEquals(elsewhere.community(), home(v));
        move(Tokens.admin(), v, Map.of("toCommunityId", home.community())).then().statusCode(201);
        JsonPath audit = moves(Tokens.volunteer(v), v);
        assertEquals(List.of("admin-test", "staff-new"), audit.getList("items.movedBy"));
        assertEquals(List.of(elsewhere.community(), home.community()), audit.getList("items.fromCommunityId", Long.class));
    }

    @Test
    void a_volunteer_moves_only_to_another_existing_community() {
        Api.Tree t = Api.tree();
        long v = register(t.community(), Api.phone());
        String admin = Tokens.admin();

        Problems.assertProblem(move(admin, v, Map.of("toCommunityId", t.street())), 422, "NOT_A_COMMUNITY");
        Problems.assertProblem(move(admin, v, Map.of("toCommunityId", t.city())), 422, "NOT_A_COMMUNITY");
        Problems.assertProblem(move(admin, v, Map.of("toCommunityId", 987_654_321_000L)), 422, "REGION_NOT_FOUND");
        Problems.assertProblem(move(admin, v, Map.of("toCommunityId", t.community())), 422, "ALREADY_IN_COMMUNITY");
        Problems.assertProblem(move(admin, v, Map.of()), 400, "VALIDATION_FAILED");
        Problems.assertProblem(move(admin, v, Map.of("toCommunityId", 0)), 400, "VALIDATION_FAILED");
        Problems.assertProblem(move(admin, v, Map.of("toCommunityId", t.community(), "reason", "x")), 400,
                "UNKNOWN_FIELD");
        Problems.assertProblem(move(admin, 987_654_321_000L, Map.of("toCommunityId",
                Api.region(Api.unique("社区"), "COMMUNITY", t.street()))), 404, "VOLUNTEER_NOT_FOUND");
        assertEquals(t.community(), home(v));
        assertEquals(List.of(), moves(admin, v).getList("items"));
    }

    @Test
    void a_retried_move_moves_once() {
        Api.Tree t = Api.tree();
        long nextDoor = Api.region(Api.unique("社区"), "COMMUNITY", t.street());
        long v = register(t.community(), Api.phone());
        String staff = Tokens.staff("staff-street", t.street());
        String key = Api.key();

        String first = as(staff).header("Idempotency-Key", key).body(Map.of("toCommunityId", nextDoor))
                .post("/api/v1/volunteers/" + v + "/moves").then().statusCode(201).extract().asString();
        String again = as(staff).header("Idempotency-Key", key).body(Map.of("toCommunityId", nextDoor))
                .post("/api/v1/volunteers/" + v + "/moves").then().statusCode(201)
                .header("Idempotency-Replayed", "true").extract().asString();

        assertEquals(first, again);
        assertEquals(1, moves(staff, v).getList("items").size());
        Problems.assertProblem(as(staff).header("Idempotency-Key", key).body(Map.of("toCommunityId", t.community()))
                .post("/api/v1/volunteers/" + v + "/moves"), 422, "IDEMPOTENCY_KEY_REUSED");
        assertEquals(nextDoor, home(v));
    }

    @Test
    void concurrent_moves_of_one_volunteer_take_turns_and_the_audit_chains() throws Exception {
        Api.Tree t = Api.tree();
        List<Long> targets = List.of(Api.region(Api.unique("社区"), "COMMUNITY", t.street()),
                Api.region(Api.unique("社区"), "COMMUNITY", t.street()),
                Api.region(Api.unique("社区"), "COMMUNITY", t.street()),
                Api.region(Api.unique("社区"), "COMMUNITY", t.street()));
        long v = register(t.community(), Api.phone());
        String staff = Tokens.staff("staff-street", t.street());

        List<Callable<Integer>> calls = targets.stream().<Callable<Integer>>map(to -> () ->
                move(staff, v, Map.of("toCommunityId", to)).statusCode()).toList();
        assertEquals(List.of(201, 201, 201, 201), Parallel.run(targets.size(), calls));

        // oldest first: each move starts where the one before it ended, and the last is where they live
        JsonPath audit = moves(staff, v);
        List<Long> from = new ArrayList<>(audit.getList("items.fromCommunityId", Long.class));
        List<Long> to = new ArrayList<>(audit.getList("items.toCommunityId", Long.class));
        Collections.reverse(from);
        Collections.reverse(to);
        assertEquals(t.community(), from.get(0));
        for (int i = 1; i < to.size(); i++) {
            assertEquals(to.get(i - 1), from.get(i));
        }
        assertEquals(to.get(to.size() - 1), home(v));
    }
}
