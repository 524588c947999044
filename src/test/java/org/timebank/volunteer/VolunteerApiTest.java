package org.timebank.volunteer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

@QuarkusTest
class VolunteerApiTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void staff_register_a_volunteer_whose_personal_numbers_are_shown_masked_and_stored_encrypted() throws Exception {
        Api.Tree t = Api.tree();
        String phone = Api.phone();
        var created = as(Tokens.staff("staff-street", t.street()))
                .body(Map.of("name", "张晓明", "phone", phone, "idNumber", "11010519491231002x", "homeCommunityId", t.community()))
                .post("/api/v1/volunteers").then().statusCode(201)
                .body("phoneMasked", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("idNumberMasked", equalTo("1*************002X"))
                .body("homeCommunityId", equalTo((int) t.community()))
                .body("$", not(org.hamcrest.Matchers.hasKey("phone")))
                .extract().jsonPath();
        long id = created.getLong("id");

        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select phone_cipher, id_number_cipher, phone_hash from volunteer where id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                String stored = new String(r.getBytes(1), StandardCharsets.ISO_8859_1)
                        + new String(r.getBytes(2), StandardCharsets.ISO_8859_1);
                assertFalse(stored.contains(phone), "no plaintext phone at rest");
                assertFalse(stored.contains("110105"), "no plaintext ID number at rest");
                assertEquals(32, r.getBytes(3).length);
            }
        }
        as(Tokens.volunteer(id)).get("/api/v1/volunteers/" + id).then().statusCode(200)
                .body("name", equalTo("张晓明"))
                .body("accounts.hours", equalTo(created.getInt("accounts.hours")));
    }

    @Test
    void one_phone_number_registers_one_volunteer_however_it_is_written() {
        long community = Api.tree().community();
        String phone = Api.phone();
        as(Tokens.admin()).body(Map.of("name", "甲", "phone", phone, "homeCommunityId", community))
                .post("/api/v1/volunteers").then().statusCode(201);
        String written = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
        as(Tokens.admin()).body(Map.of("name", "乙", "phone", written, "homeCommunityId", community))
                .post("/api/v1/volunteers").then().statusCode(409).body("code", equalTo("VOLUNTEER_PHONE_EXISTS"));
    }

    @Test
    void one_id_number_registers_one_volunteer() {
        long community = Api.tree().community();
        String id = "44030119900101001" + checkChar("44030119900101001");
        // each run needs a number unused in this database: derive it from a fresh phone
        String fresh = "4403011990" + Api.phone().substring(4, 11);
        id = fresh + checkChar(fresh);
        as(Tokens.admin()).body(Map.of("name", "甲", "phone", Api.phone(), "idNumber", id, "homeCommunityId", community))
                .post("/api/v1/volunteers").then().statusCode(201);
        as(Tokens.admin()).body(Map.of("name", "乙", "phone", Api.phone(), "idNumber", id, "homeCommunityId", community))
                .post("/api/v1/volunteers").then().statusCode(409).body("code", equalTo("VOLUNTEER_ID_NUMBER_EXISTS"));
    }

    private static char checkChar(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    @Test
    void a_volunteer_belongs_to_a_community_not_a_street() {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(Map.of("name", "甲", "phone", Api.phone(), "homeCommunityId", t.street()))
                .post("/api/v1/volunteers").then().statusCode(422).body("code", equalTo("NOT_A_COMMUNITY"));
    }

    @Test
    void a_name_of_nothing_but_blanks_is_bad_input_whatever_the_blank() {
        long community = Api.tree().community();
        // U+3000 is the ideographic space of Chinese input methods; U+2003 an em space
        for (String blank : List.of("\u3000", "\u3000\u3000", " \u2003 ")) {
            as(Tokens.admin()).body(Map.of("name", blank, "phone", Api.phone(), "homeCommunityId", community))
                    .post("/api/v1/volunteers").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo("name"));
        }
        as(Tokens.admin()).body(Map.of("name", "\u3000张晓明\u3000", "phone", Api.phone(), "homeCommunityId", community))
                .post("/api/v1/volunteers").then().statusCode(201).body("name", equalTo("张晓明"));
    }

    @Test
    void the_balance_shows_star_level_and_minutes_to_the_next_star() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        Api.adjust(v.hoursAccount(), "CREDIT", 100 * 60 + 30).statusCode(201);
        as(Tokens.volunteer(v.id())).get("/api/v1/volunteers/" + v.id() + "/balance").then().statusCode(200)
                .body("hours.minutes", equalTo(6030))
                .body("starLevel.stars", equalTo(1))
                .body("starLevel.minutesToNext", equalTo(300 * 60 - 6030));
        Api.adjust(v.hoursAccount(), "CREDIT", 1500 * 60).statusCode(201);
        as(Tokens.volunteer(v.id())).get("/api/v1/volunteers/" + v.id() + "/balance").then()
                .body("starLevel.stars", equalTo(5))
                .body("starLevel.minutesToNext", nullValue());
    }

    @Test
    void history_is_newest_first_and_pages_without_gaps_or_repeats() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        List<Long> posted = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            posted.add(Api.adjust(v.pointsAccount(), "CREDIT", i).statusCode(201).extract().jsonPath().getLong("id"));
        }
        posted.add(Api.adjust(v.hoursAccount(), "CREDIT", 60).statusCode(201).extract().jsonPath().getLong("id"));
        java.util.Collections.reverse(posted);

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as(Tokens.volunteer(v.id())).queryParam("limit", 4);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/volunteers/" + v.id() + "/transactions").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.transactionId", Long.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertEquals(posted, seen);
        as(Tokens.volunteer(v.id())).queryParam("limit", 1).get("/api/v1/volunteers/" + v.id() + "/transactions").then()
                .body("items", hasSize(1))
                .body("items[0].postings[0].asset", equalTo("HOURS"))
                .body("items[0].postings[0].amount", equalTo(60));
    }
}
