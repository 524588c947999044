package org.timebank.volunteer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.timebank.support.Api.as;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Problems;
import org.timebank.support.Tokens;

/** Staff find the volunteers they serve by phone number or by the start of a name. */
@QuarkusTest
class VolunteerSearchTest {

    private static long register(long community, String name, String phone) {
        return as(Tokens.admin()).body(Map.of("name", name, "phone", phone, "homeCommunityId", community))
                .post("/api/v1/volunteers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static JsonPath search(String token, Map<String, Object> body, Integer limit, String cursor) {
        var spec = as(token).body(body);
        if (limit != null) {
            spec.queryParam("limit", limit);
        }
        if (cursor != null) {
            spec.queryParam("cursor", cursor);
        }
        return spec.post("/api/v1/volunteers/search").then().statusCode(200).extract().jsonPath();
    }

    /** Every page of a name-prefix search, followed through its cursors: the names in the order given. */
    private static List<String> allNames(String token, String prefix, int limit) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = search(token, Map.of("namePrefix", prefix), limit, cursor);
            names.addAll(page.getList("items.name"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);
        return names;
    }

    @Test
    void staff_find_a_volunteer_they_serve_by_phone_however_it_is_written() {
        Api.Tree home = Api.tree();
        Api.Tree elsewhere = Api.tree();
        String phone = Api.phone();
        String name = Api.unique("王芳");
        long id = register(home.community(), name, phone);
        String written = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + " " + phone.substring(7);

        for (String token : List.of(Tokens.staff("search-community", home.community()),
                Tokens.staff("search-district", home.district()), Tokens.admin())) {
            JsonPath found = search(token, Map.of("phone", written), null, null);
            assertEquals(List.of(id), found.getList("items.id", Long.class));
            assertEquals(name, found.getString("items[0].name"));
            assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), found.getString("items[0].phoneMasked"));
            assertEquals(home.community(), found.getLong("items[0].homeCommunityId"));
            assertNull(found.get("nextCursor"));
        }
        // out of scope: exactly what an unregistered number gives, and nothing of the volunteer
        String outsider = Tokens.staff("search-elsewhere", elsewhere.street());
        String hidden = as(outsider).body(Map.of("phone", phone)).post("/api/v1/volunteers/search").then()
                .statusCode(200).body("items.size()", equalTo(0)).body(not(containsString(name)))
                .body(not(containsString(phone.substring(7)))).extract().asString();
        String unregistered = as(outsider).body(Map.of("phone", Api.phone())).post("/api/v1/volunteers/search").then()
                .statusCode(200).extract().asString();
        assertEquals(unregistered, hidden);
    }

    @Test
    void staff_find_the_volunteers_of_their_regions_by_name_prefix_in_name_order_page_by_page() {
        Api.Tree home = Api.tree();
        long neighbourCommunity = Api.region(Api.unique("社区"), "COMMUNITY", home.street());
        Api.Tree elsewhere = Api.tree();
        String prefix = Api.unique("欧阳");
        List<String> inCommunity = List.of(prefix + "丁", prefix + "甲", prefix + "丙");
        for (String name : inCommunity) {
            register(home.community(), name, Api.phone());
        }
        register(neighbourCommunity, prefix + "乙", Api.phone());
        register(elsewhere.community(), prefix + "戊", Api.phone());
        register(home.community(), "小" + prefix, Api.phone());

        List<String> street = new ArrayList<>(inCommunity);
        street.add(prefix + "乙");
        street.sort(Comparator.naturalOrder());
        // two pages of 3 and 1, in code point order, nothing repeated or skipped
        assertEquals(street, allNames(Tokens.staff("street-staff", home.street()), prefix, 3));
        assertEquals(street, allNames(Tokens.staff("street-staff", home.street()), prefix, 1));
        assertEquals(inCommunity.stream().sorted().toList(),
                allNames(Tokens.staff("community-staff", home.community()), prefix, 20));
        List<String> everywhere = new ArrayList<>(street);
        everywhere.add(prefix + "戊");
        everywhere.sort(Comparator.naturalOrder());
        assertEquals(everywhere, allNames(Tokens.admin(), prefix, 2));
        assertEquals(List.of(), allNames(Tokens.staff("staff-elsewhere", elsewhere.street()), prefix + "甲", 20));
        // blanks around the prefix do not count; the whole name is a prefix of itself
        assertEquals(List.of(prefix + "甲"), allNames(Tokens.admin(), " " + prefix + "甲 ", 20));
    }

    @Test
    void wildcards_in_a_name_prefix_are_taken_literally() {
        long community = Api.tree().community();
        String prefix = Api.unique("李");
        register(community, prefix + "_x", Api.phone());
        register(community, prefix + "%y", Api.phone());
        register(community, prefix + "\\z", Api.phone());
        register(community, prefix + "四", Api.phone());
        String admin = Tokens.admin();

        assertEquals(List.of(prefix + "_x"), allNames(admin, prefix + "_", 20));
        assertEquals(List.of(prefix + "%y"), allNames(admin, prefix + "%", 20));
        assertEquals(List.of(prefix + "\\z"), allNames(admin, prefix + "\\", 20));
        assertEquals(4, allNames(admin, prefix, 20).size());
    }

    @Test
    void a_search_names_exactly_one_of_phone_and_name_prefix() {
        String staff = Tokens.staff("search-staff", Api.tree().street());
        Problems.assertProblem(as(staff).body(Map.of()).post("/api/v1/volunteers/search"), 400,
                "SEARCH_PHONE_OR_NAME_PREFIX");
        Problems.assertProblem(as(staff).body(Map.of("phone", Api.phone(), "namePrefix", "张"))
                .post("/api/v1/volunteers/search"), 400, "SEARCH_PHONE_OR_NAME_PREFIX");
        Problems.assertProblem(as(staff).body(Map.of("phone", "12345")).post("/api/v1/volunteers/search"), 400,
                "VALIDATION_FAILED").body("errors[0].field", equalTo("phone"));
        Problems.assertProblem(as(staff).body(Map.of("namePrefix", " \u3000 ")).post("/api/v1/volunteers/search"), 400,
                "VALIDATION_FAILED").body("errors[0].field", equalTo("namePrefix"));
        Problems.assertProblem(as(staff).body(Map.of("namePrefix", "张".repeat(51))).post("/api/v1/volunteers/search"),
                400, "VALIDATION_FAILED");
        Problems.assertProblem(as(staff).body(Map.of("namePrefix", "张", "name", "张三"))
                .post("/api/v1/volunteers/search"), 400, "UNKNOWN_FIELD");
        Problems.assertProblem(as(staff).queryParam("limit", 0).body(Map.of("namePrefix", "张"))
                .post("/api/v1/volunteers/search"), 400, "INVALID_LIMIT");
        Problems.assertProblem(as(staff).queryParam("cursor", "%%%").body(Map.of("namePrefix", "张"))
                .post("/api/v1/volunteers/search"), 400, "INVALID_CURSOR");
    }

    @Test
    void volunteers_and_shops_may_not_search_and_nobody_without_a_token() {
        long community = Api.tree().community();
        String phone = Api.phone();
        long id = register(community, Api.unique("赵敏"), phone);
        for (String token : List.of(Tokens.volunteer(id), Tokens.shop("1"))) {
            Problems.assertProblem(as(token).body(Map.of("phone", phone)).post("/api/v1/volunteers/search"), 403,
                    "FORBIDDEN").body("$", not(hasKey("items")));
        }
        Problems.assertProblem(given().contentType(ContentType.JSON).body(Map.of("phone", phone))
                .post("/api/v1/volunteers/search"), 401, "UNAUTHENTICATED");
    }
}
