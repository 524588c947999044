package org.timebank.servicerequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.servicerequest.ServiceRequestFixtures.PATH;
import static org.timebank.servicerequest.ServiceRequestFixtures.accept;
import static org.timebank.servicerequest.ServiceRequestFixtures.body;
import static org.timebank.servicerequest.ServiceRequestFixtures.request;
import static org.timebank.servicerequest.ServiceRequestFixtures.with;
import static org.timebank.servicerequest.ServiceRequestFixtures.withMinutes;
import static org.timebank.support.Api.as;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Footprint;
import org.timebank.support.Problems;
import org.timebank.support.Tokens;

/** Bad input on every service request endpoint: a problem document with a stable code, and nothing written. */
@QuarkusTest
class ServiceRequestBadInputTest {
    @Inject
    AgroalDataSource db;

    private long rows() {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select (select count(*) from service_request) + (select count(*) from family_link) "
                     + "+ (select count(*) from service_rule) + (select count(*) from service_eligibility) "
                     + "+ (select count(*) from volunteer_skill) + (select coalesce(sum(length(status)), 0) from service_request)")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refused(Api.Volunteer v, int status, String code, Supplier<Response> call) {
        Footprint before = Footprint.of(db, v.id());
        long rows = rows();
        Problems.assertProblem(call.get(), status, code);
        assertEquals(before, Footprint.of(db, v.id()), "a refused request must leave no trace");
        assertEquals(rows, rows(), "a refused request must leave no trace");
    }

    private static Response create(Api.Volunteer v, Map<String, Object> body) {
        return as(Tokens.volunteer(v.id())).header("Idempotency-Key", Api.key()).body(body).post(PATH);
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(key);
        return copy;
    }

    @Test
    void a_malformed_need_is_refused_and_posts_nothing() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = withMinutes(t.community(), 100);
        Map<String, Object> good = body(30);
        for (String field : new String[] {"category", "place", "windowStartsAt", "windowEndsAt", "expectedMinutes"}) {
            refused(v, 400, "VALIDATION_FAILED", () -> create(v, without(good, field)));
        }
        refused(v, 400, "VALIDATION_FAILED", () -> create(v, with(good, "expectedMinutes", 0)));
        refused(v, 400, "VALIDATION_FAILED", () -> create(v, with(good, "expectedMinutes", 1441)));
        refused(v, 400, "VALIDATION_FAILED", () -> create(v, with(good, "category", "meal")));
        refused(v, 400, "VALIDATION_FAILED", () -> create(v, with(good, "place", "  ")));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> create(v, with(good, "payerType", "NEIGHBOUR")));
        refused(v, 400, "VALIDATION_FAILED", () -> create(v, with(good, "payerType", "FAMILY")));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> create(v, with(good, "windowStartsAt", "tomorrow")));
        refused(v, 400, "UNKNOWN_FIELD", () -> create(v, with(good, "surprise", 1)));
        OffsetDateTime now = OffsetDateTime.now();
        refused(v, 422, "SERVICE_WINDOW_INVALID", () -> create(v, with(good, "windowEndsAt", good.get("windowStartsAt"))));
        refused(v, 422, "SERVICE_WINDOW_PAST", () -> create(v, with(good, "windowStartsAt", now.minusHours(3).toString(),
                "windowEndsAt", now.minusHours(1).toString())));
        refused(v, 422, "REGION_NOT_FOUND", () -> create(v, with(good, "communityId", 987654321)));
        refused(v, 422, "NOT_A_COMMUNITY", () -> create(v, with(good, "communityId", t.street())));
        refused(v, 422, "SERVICE_CATEGORY_NOT_OFFERED", () -> create(v, with(good, "category", "DOG_WALKING")));
        long someoneElse = withMinutes(t.community(), 0).id();
        refused(v, 403, "FORBIDDEN", () -> create(v, with(good, "requesterId", someoneElse)));
        refused(v, 422, "FAMILY_PAYER_IS_REQUESTER", () -> create(v, with(good, "payerType", "FAMILY",
                "payerVolunteerId", v.id())));
        refused(v, 422, "VOLUNTEER_NOT_FOUND", () -> as(Tokens.staff("staff-bad", t.community()))
                .header("Idempotency-Key", Api.key()).body(with(good, "requesterId", 987654321)).post(PATH));
        refused(v, 400, "VALIDATION_FAILED", () -> as(Tokens.staff("staff-bad", t.community()))
                .header("Idempotency-Key", Api.key()).body(good).post(PATH));
        refused(v, 400, "MALFORMED_JSON", () -> as(Tokens.volunteer(v.id())).header("Idempotency-Key", Api.key())
                .body("{\"category\":").post(PATH));
    }

    @Test
    void malformed_steps_are_refused_and_move_no_hours() {
        Api.Tree t = Api.tree();
        Api.Volunteer requester = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long id = request(requester, 60);
        accept(provider, id).then().statusCode(200);
        String p = Tokens.volunteer(provider.id());
        String staff = Tokens.staff("staff-bad", t.community());
        refused(requester, 400, "VALIDATION_FAILED", () -> ServiceRequestFixtures.step(p, id, "completion", Map.of()));
        refused(requester, 400, "VALIDATION_FAILED", () -> ServiceRequestFixtures.step(p, id, "completion",
                Map.of("minutesServed", 0)));
        refused(requester, 422, "MINUTES_SERVED_INVALID", () -> ServiceRequestFixtures.step(p, id, "completion",
                Map.of("minutesServed", 61)));
        refused(requester, 409, "SERVICE_REQUEST_NOT_COMPLETED", () -> ServiceRequestFixtures.confirm(
                Tokens.volunteer(requester.id()), id));
        refused(requester, 400, "VALIDATION_FAILED", () -> ServiceRequestFixtures.step(p, id, "dispute", Map.of()));
        refused(requester, 400, "VALIDATION_FAILED", () -> ServiceRequestFixtures.step(staff, id, "resolution",
                Map.of("decision", "POST_FULL")));
        refused(requester, 400, "INVALID_FIELD_TYPE", () -> ServiceRequestFixtures.step(staff, id, "resolution",
                Map.of("decision", "KEEP", "reason", "x")));
        refused(requester, 409, "SERVICE_REQUEST_NOT_RESOLVABLE", () -> ServiceRequestFixtures.step(staff, id, "resolution",
                Map.of("decision", "VOID", "reason", "x")));
        refused(requester, 404, "SERVICE_REQUEST_NOT_FOUND", () -> ServiceRequestFixtures.confirm(staff, 987654321L));
        refused(requester, 422, "REASON_REQUIRED", () -> ServiceRequestFixtures.cancel(staff, id, null));
    }

    @Test
    void the_steps_that_hold_or_move_hours_require_an_idempotency_key() {
        Api.Tree t = Api.tree();
        Api.Volunteer requester = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        String staff = Tokens.staff("staff-bad", t.community());
        long id = request(requester, 60);
        refused(requester, 400, "IDEMPOTENCY_KEY_REQUIRED", () -> as(Tokens.volunteer(provider.id()))
                .post(PATH + "/" + id + "/acceptance"));
        accept(provider, id).then().statusCode(200);
        ServiceRequestFixtures.complete(provider, id, 30).then().statusCode(200);
        refused(requester, 400, "IDEMPOTENCY_KEY_REQUIRED", () -> as(Tokens.volunteer(requester.id()))
                .post(PATH + "/" + id + "/confirmation"));
        refused(requester, 400, "IDEMPOTENCY_KEY_REQUIRED", () -> as(staff).post(PATH + "/" + id + "/confirmation"));
        ServiceRequestFixtures.step(Tokens.volunteer(requester.id()), id, "dispute", Map.of("reason", "没有上门"))
                .then().statusCode(200);
        refused(requester, 400, "IDEMPOTENCY_KEY_REQUIRED", () -> as(staff)
                .body(Map.of("decision", "VOID", "reason", "没有上门")).post(PATH + "/" + id + "/resolution"));
        assertEquals("DISPUTED", ServiceRequestFixtures.read(id).getString("status"));
        assertEquals(60, ServiceRequestFixtures.pendingMinutes(requester), "the hold is still there");
    }

    @Test
    void malformed_list_parameters_are_a_400_naming_them() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = withMinutes(t.community(), 0);
        String token = Tokens.volunteer(v.id());
        for (String query : new String[] {"limit=0", "limit=101", "cursor=nope", "status=DONE", "regionId=abc",
                "category=meal", "relation=FRIEND", "near=CITY", "escalated=maybe", "matching=yes", "from=yesterday"}) {
            Problems.assertProblem(as(token).get(PATH + "?" + query), 400,
                    query.startsWith("limit") ? "INVALID_LIMIT" : query.startsWith("cursor") ? "INVALID_CURSOR"
                            : "INVALID_PARAMETER");
        }
        Problems.assertProblem(as(Tokens.staff("staff-bad", t.community())).get(PATH + "?relation=REQUESTER"), 400,
                "INVALID_PARAMETER");
    }
}
