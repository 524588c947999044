package org.timebank.servicerequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.servicerequest.ServiceRequestFixtures.withMinutes;
import static org.timebank.support.Api.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.timebank.family.FamilyFixtures;
import org.timebank.support.Api;
import org.timebank.support.Footprint;
import org.timebank.support.Problems;
import org.timebank.support.Tokens;

/**
 * Bad input on the endpoints around service requests: family links, a resident's approved need,
 * a volunteer's service profile, a region's service rules and its resources list. Each refusal is a
 * problem document with a stable code, and nothing is written: no link, rule, approval, skill or
 * slot, no stored Idempotency-Key, nothing on the ledger.
 */
@QuarkusTest
class ServiceSettingsBadInputTest {
    private static final long NOBODY = 987654321L;

    @Inject
    AgroalDataSource db;

    /** The rows of every table these endpoints write, and the state of the links they change. */
    private String rows() {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select concat_ws(' ', (select count(*) from family_link), "
                     + "(select string_agg(id || status || coalesce(requester_limit_minutes, -1) || "
                     + "coalesce(member_limit_minutes, -1), ',' order by id) from family_link), "
                     + "(select count(*) from service_rule), (select count(*) from service_eligibility), "
                     + "(select count(*) from volunteer_skill), (select count(*) from volunteer_availability), "
                     + "(select count(*) from idempotency_key))")) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refused(Api.Volunteer v, int status, String code, Supplier<Response> call) {
        Footprint before = Footprint.of(db, v.id());
        String rows = rows();
        Problems.assertProblem(call.get(), status, code);
        assertEquals(before, Footprint.of(db, v.id()), "a refused request must leave no trace");
        assertEquals(rows, rows(), "a refused request must leave no trace");
    }

    /** A write with a fresh key; the body is JSON text, a map, or absent (null). */
    private static Response write(String token, String method, String path, Object body) {
        return write(token, method, path, body, Api.key());
    }

    private static Response write(String token, String method, String path, Object body, String key) {
        RequestSpecification spec = as(token);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.request(method, path);
    }

    private static Map<String, Object> with(Map<String, Object> body, Object... keysAndValues) {
        Map<String, Object> copy = new HashMap<>(body);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(key);
        return copy;
    }

    @Test
    void malformed_family_links_are_refused_and_link_nobody() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = withMinutes(t.community(), 0);
        Api.Volunteer member = withMinutes(t.community(), 0);
        String token = Tokens.volunteer(v.id());
        String links = "/api/v1/volunteers/" + v.id() + "/family-links";
        Map<String, Object> good = Map.of("memberId", member.id(), "relation", "子女");

        refused(v, 400, "MALFORMED_JSON", () -> write(token, "POST", links, "{\"memberId\":"));
        refused(v, 400, "MISSING_BODY", () -> write(token, "POST", links, null));
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "POST", links, without(good, "memberId")));
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "POST", links, with(good, "memberId", 0)));
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "POST", links, with(good, "memberId", -5)));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(token, "POST", links, with(good, "memberId", "someone")));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(token, "POST", links, with(good, "memberId", 1.5)));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(token, "POST", links,
                "{\"memberId\": 99999999999999999999999, \"relation\": \"子女\"}"));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(token, "POST", links, with(good, "relation", List.of("子女"))));
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "POST", links, with(good, "relation", "子".repeat(41))));
        refused(v, 400, "UNKNOWN_FIELD", () -> write(token, "POST", links, with(good, "monthlyMinutes", 60)));
        refused(v, 400, "IDEMPOTENCY_KEY_INVALID", () -> write(token, "POST", links, good, "x".repeat(256)));
        refused(v, 400, "IDEMPOTENCY_KEY_INVALID", () -> write(token, "POST", links, good, ""));
        refused(v, 422, "VOLUNTEER_NOT_FOUND", () -> write(token, "POST", links, with(good, "memberId", NOBODY)));
        refused(v, 422, "FAMILY_LINK_TO_SELF", () -> write(token, "POST", links, with(good, "memberId", v.id())));
        refused(v, 403, "FORBIDDEN", () -> write(token, "POST", "/api/v1/volunteers/" + member.id() + "/family-links",
                Map.of("memberId", v.id())));
        refused(v, 403, "FORBIDDEN", () -> write(Tokens.staff("staff-bad", t.community()), "POST", links, good));

        for (String step : new String[] {"confirmation", "removal"}) {
            refused(v, 404, "FAMILY_LINK_NOT_FOUND", () -> write(token, "POST", links + "/" + NOBODY + "/" + step, null));
        }
        refused(v, 404, "FAMILY_LINK_NOT_FOUND", () -> write(token, "PUT", links + "/" + NOBODY + "/payment-limit",
                Map.of("monthlyMinutes", 60)));

        long link = FamilyFixtures.linked(v, member);
        String limit = links + "/" + link + "/payment-limit";
        refused(v, 400, "MALFORMED_JSON", () -> write(token, "PUT", limit, "{\"monthlyMinutes\": 60,"));
        refused(v, 400, "MISSING_BODY", () -> write(token, "PUT", limit, null));
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "PUT", limit, Map.of("monthlyMinutes", -1)));
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "PUT", limit, Map.of("monthlyMinutes", 100_001)));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(token, "PUT", limit, "{\"monthlyMinutes\": 4294967296}"));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(token, "PUT", limit, Map.of("monthlyMinutes", "lots")));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(token, "PUT", limit, Map.of("monthlyMinutes", 60.5)));
        refused(v, 400, "UNKNOWN_FIELD", () -> write(token, "PUT", limit, Map.of("minutes", 60)));
        String stranger = Tokens.volunteer(withMinutes(t.community(), 0).id());
        refused(v, 403, "FORBIDDEN", () -> write(stranger, "PUT", limit, Map.of("monthlyMinutes", 60)));
        refused(v, 409, "FAMILY_LINK_NOT_PENDING", () -> write(Tokens.volunteer(member.id()), "POST",
                "/api/v1/volunteers/" + member.id() + "/family-links/" + link + "/confirmation", null));
        refused(v, 409, "FAMILY_LINK_EXISTS", () -> write(token, "POST", links, good));

        for (String query : new String[] {"limit=0", "limit=101", "limit=ten", "cursor=nope"}) {
            Problems.assertProblem(as(token).get(links + "?" + query), 400,
                    query.startsWith("limit") ? "INVALID_LIMIT" : "INVALID_CURSOR");
        }
        Problems.assertProblem(as(token).get("/api/v1/volunteers/" + NOBODY + "/family-links"), 404, "VOLUNTEER_NOT_FOUND");
    }

    @Test
    void malformed_need_approvals_are_refused_and_approve_nobody() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = withMinutes(t.community(), 0);
        String staff = Tokens.staff("staff-bad", t.community());
        String path = "/api/v1/volunteers/" + v.id() + "/service-eligibility";
        Map<String, Object> good = Map.of("approved", true, "reason", "独居，75 岁");

        refused(v, 400, "MALFORMED_JSON", () -> write(staff, "PUT", path, "{\"approved\": tru}"));
        refused(v, 400, "MISSING_BODY", () -> write(staff, "PUT", path, null));
        refused(v, 400, "VALIDATION_FAILED", () -> write(staff, "PUT", path, without(good, "approved")));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(staff, "PUT", path, with(good, "approved", "perhaps")));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(staff, "PUT", path, with(good, "approved", 1)));
        refused(v, 400, "VALIDATION_FAILED", () -> write(staff, "PUT", path, with(good, "reason", "独".repeat(501))));
        refused(v, 400, "UNKNOWN_FIELD", () -> write(staff, "PUT", path, with(good, "until", "2027-01-01")));
        refused(v, 400, "IDEMPOTENCY_KEY_INVALID", () -> write(staff, "PUT", path, good, "with space"));
        refused(v, 422, "REASON_REQUIRED", () -> write(staff, "PUT", path, Map.of("approved", true)));
        refused(v, 422, "REASON_REQUIRED", () -> write(staff, "PUT", path, with(good, "reason", "   ")));
        refused(v, 404, "VOLUNTEER_NOT_FOUND", () -> write(staff, "PUT", "/api/v1/volunteers/" + NOBODY
                + "/service-eligibility", good));
        Api.Tree elsewhere = Api.tree();
        refused(v, 404, "VOLUNTEER_NOT_FOUND", () -> write(Tokens.staff("staff-far", elsewhere.community()), "PUT", path, good));
        refused(v, 403, "FORBIDDEN", () -> write(Tokens.volunteer(v.id()), "PUT", path, good));
        Problems.assertProblem(as(staff).get("/api/v1/volunteers/" + NOBODY + "/service-eligibility"), 404,
                "VOLUNTEER_NOT_FOUND");
    }

    @Test
    void malformed_service_profiles_are_refused_and_keep_what_was_declared() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = withMinutes(t.community(), 0);
        String token = Tokens.volunteer(v.id());
        String path = "/api/v1/volunteers/" + v.id() + "/service-profile";
        Map<String, Object> slot = Map.of("weekday", "MONDAY", "from", "09:00", "to", "12:00");
        Map<String, Object> good = Map.of("skills", List.of("MEAL_DELIVERY"), "availability", List.of(slot));
        write(token, "PUT", path, good).then().statusCode(200);

        refused(v, 400, "MALFORMED_JSON", () -> write(token, "PUT", path, "{\"skills\": [\"MEAL_DELIVERY\""));
        refused(v, 400, "MISSING_BODY", () -> write(token, "PUT", path, null));
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "PUT", path, without(good, "skills")));
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "PUT", path, without(good, "availability")));
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "PUT", path, with(good, "skills", List.of("meal"))));
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "PUT", path, with(good, "skills", List.of("M".repeat(41)))));
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "PUT", path, with(good, "skills",
                Collections.singletonList(null))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            many.add("SKILL_" + i);
        }
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "PUT", path, with(good, "skills", many)));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(token, "PUT", path, with(good, "skills", "MEAL_DELIVERY")));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(token, "PUT", path, with(good, "availability", slot)));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(token, "PUT", path, with(good, "availability",
                List.of(with(slot, "weekday", "FUNDAY")))));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(token, "PUT", path, with(good, "availability",
                List.of(with(slot, "weekday", 1)))));
        for (String time : new String[] {"24:00", "9:00", "09:60", "nine", ""}) {
            refused(v, 400, "VALIDATION_FAILED", () -> write(token, "PUT", path, with(good, "availability",
                    List.of(with(slot, "from", time)))));
        }
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "PUT", path, with(good, "availability",
                List.of(without(slot, "to")))));
        refused(v, 400, "UNKNOWN_FIELD", () -> write(token, "PUT", path, with(good, "availability",
                List.of(with(slot, "timezone", "UTC")))));
        List<Map<String, Object>> slots = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            slots.add(with(slot, "from", String.format("%02d:%02d", i / 6 + 1, i % 6 * 10), "to", "23:00"));
        }
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "PUT", path, with(good, "availability", slots)));
        refused(v, 400, "VALIDATION_FAILED", () -> write(token, "PUT", path, with(good, "availability",
                List.of(slot, with(slot, "to", "11:00")))));
        refused(v, 422, "AVAILABILITY_SLOT_INVALID", () -> write(token, "PUT", path, with(good, "availability",
                List.of(with(slot, "to", "08:00")))));
        refused(v, 422, "AVAILABILITY_SLOT_INVALID", () -> write(token, "PUT", path, with(good, "availability",
                List.of(with(slot, "to", "09:00")))));
        refused(v, 400, "UNKNOWN_FIELD", () -> write(token, "PUT", path, with(good, "volunteerId", v.id())));
        refused(v, 400, "IDEMPOTENCY_KEY_INVALID", () -> write(token, "PUT", path, good, "key with space"));
        Api.Volunteer other = withMinutes(t.community(), 0);
        refused(v, 403, "FORBIDDEN", () -> write(Tokens.volunteer(other.id()), "PUT", path, good));
        refused(v, 403, "FORBIDDEN", () -> write(Tokens.staff("staff-bad", t.community()), "PUT", path, good));

        as(token).get(path).then().statusCode(200);
        Problems.assertProblem(as(token).get("/api/v1/volunteers/" + other.id() + "/service-profile"), 404,
                "VOLUNTEER_NOT_FOUND");
    }

    @Test
    void malformed_service_rules_are_refused_and_change_no_region() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = withMinutes(t.community(), 0);
        String admin = Tokens.admin();
        String path = "/api/v1/regions/" + t.street() + "/service-rules";
        Map<String, Object> good = Map.of("settlement", "MUTUAL_AID", "categories", List.of("MEAL_DELIVERY"),
                "minStoredMinutes", 60, "approvedNeedRequired", false);

        refused(v, 400, "MALFORMED_JSON", () -> write(admin, "PUT", path, "{\"settlement\": \"BANK\", }"));
        refused(v, 400, "MALFORMED_JSON", () -> write(admin, "PUT", path, "[]"));
        refused(v, 400, "MISSING_BODY", () -> write(admin, "PUT", path, null));
        refused(v, 400, "VALIDATION_FAILED", () -> write(admin, "PUT", path, without(good, "settlement")));
        refused(v, 400, "VALIDATION_FAILED", () -> write(admin, "PUT", path, without(good, "categories")));
        refused(v, 400, "VALIDATION_FAILED", () -> write(admin, "PUT", path, with(good, "categories", List.of())));
        refused(v, 400, "VALIDATION_FAILED", () -> write(admin, "PUT", path, with(good, "categories", List.of("meal"))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("CATEGORY_" + i);
        }
        refused(v, 400, "VALIDATION_FAILED", () -> write(admin, "PUT", path, with(good, "categories", many)));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(admin, "PUT", path, with(good, "settlement", "BARTER")));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(admin, "PUT", path, with(good, "settlement", 0)));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(admin, "PUT", path, with(good, "categories", "MEAL_DELIVERY")));
        refused(v, 400, "VALIDATION_FAILED", () -> write(admin, "PUT", path, with(good, "minStoredMinutes", 0)));
        refused(v, 400, "VALIDATION_FAILED", () -> write(admin, "PUT", path, with(good, "minStoredMinutes", 10_000_001)));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(admin, "PUT", path, with(good, "minStoredMinutes", "an hour")));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(admin, "PUT", path,
                "{\"settlement\": \"BANK\", \"categories\": [\"MEAL_DELIVERY\"], \"minStoredMinutes\": 1e400}"));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(admin, "PUT", path,
                "{\"settlement\": \"BANK\", \"categories\": [\"MEAL_DELIVERY\"], \"minStoredMinutes\": 99999999999999999999}"));
        refused(v, 400, "INVALID_FIELD_TYPE", () -> write(admin, "PUT", path, with(good, "approvedNeedRequired", "perhaps")));
        refused(v, 400, "UNKNOWN_FIELD", () -> write(admin, "PUT", path, with(good, "minAge", 65)));
        refused(v, 400, "IDEMPOTENCY_KEY_INVALID", () -> write(admin, "PUT", path, good, "tab\tkey"));
        refused(v, 404, "REGION_NOT_FOUND", () -> write(admin, "PUT", "/api/v1/regions/" + NOBODY + "/service-rules", good));
        refused(v, 403, "FORBIDDEN", () -> write(Tokens.staff("staff-bad", t.street()), "PUT", path, good));
        refused(v, 403, "FORBIDDEN", () -> write(Tokens.volunteer(v.id()), "PUT", path, good));
        Problems.assertProblem(as(admin).get("/api/v1/regions/" + NOBODY + "/service-rules"), 404, "REGION_NOT_FOUND");
    }

    @Test
    void malformed_resources_list_queries_are_a_problem_naming_them() {
        Api.Tree t = Api.tree();
        String staff = Tokens.staff("staff-bad", t.street());
        String path = "/api/v1/regions/" + t.street() + "/service-resources";
        for (String query : new String[] {"limit=0", "limit=101", "limit=-1", "cursor=nope", "category=meal",
                "category=" + "M".repeat(41)}) {
            Problems.assertProblem(as(staff).get(path + "?" + query), 400,
                    query.startsWith("limit") ? "INVALID_LIMIT" : query.startsWith("cursor") ? "INVALID_CURSOR"
                            : "INVALID_PARAMETER");
        }
        Problems.assertProblem(as(staff).get("/api/v1/regions/" + NOBODY + "/service-resources"), 404, "REGION_NOT_FOUND");
        Problems.assertProblem(as(staff).get("/api/v1/regions/" + Api.tree().community() + "/service-resources"), 403,
                "NOT_IN_SCOPE");
        Problems.assertProblem(as(Tokens.volunteer(Api.volunteer(t.community()).id())).get(path), 403, "FORBIDDEN");
    }
}
