package org.timebank.region;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.common.Tx;
import org.timebank.ledger.LedgerAccounts;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.OwnerType;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

@QuarkusTest
class RegionApiTest {
    @Inject
    LedgerAccounts accounts;
    @Inject
    Tx tx;

    @Test
    void a_region_knows_its_ancestors_from_the_city_down() {
        Api.Tree t = Api.tree();
        as(Tokens.volunteer(1)).get("/api/v1/regions/" + t.community()).then().statusCode(200)
                .body("level", equalTo("COMMUNITY"))
                .body("parentId", equalTo((int) t.street()))
                .body("path", contains((int) t.city(), (int) t.district(), (int) t.street(), (int) t.community()));
        as(Tokens.volunteer(1)).get("/api/v1/regions/" + t.city()).then().body("parentId", nullValue());
    }

    @Test
    void a_level_can_only_sit_directly_under_the_level_above() {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(Map.of("name", Api.unique("x"), "level", "COMMUNITY", "parentId", t.district()))
                .post("/api/v1/regions").then().statusCode(422).body("code", equalTo("REGION_LEVEL_INVALID"));
        as(Tokens.admin()).body(Map.of("name", Api.unique("x"), "level", "DISTRICT"))
                .post("/api/v1/regions").then().statusCode(422).body("code", equalTo("REGION_LEVEL_INVALID"));
        as(Tokens.admin()).body(Map.of("name", Api.unique("x"), "level", "STREET", "parentId", t.community()))
                .post("/api/v1/regions").then().statusCode(422).body("code", equalTo("REGION_LEVEL_INVALID"));
        as(Tokens.admin()).body(Map.of("name", "重名", "level", "COMMUNITY", "parentId", t.street()))
                .post("/api/v1/regions").then().statusCode(201);
        as(Tokens.admin()).body(Map.of("name", "重名", "level", "COMMUNITY", "parentId", t.street()))
                .post("/api/v1/regions").then().statusCode(409).body("code", equalTo("REGION_NAME_EXISTS"));
    }

    @Test
    void children_page_by_cursor_until_the_last_page() {
        Api.Tree t = Api.tree();
        List<Long> created = new ArrayList<>(List.of(t.community()));
        for (int i = 0; i < 4; i++) {
            created.add(Api.region(Api.unique("社区"), "COMMUNITY", t.street()));
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = as(Tokens.staff("s", t.street())).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/regions/" + t.street() + "/children").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(created, seen);
        assertEquals(3, pages);
    }

    @Test
    void the_roots_are_the_cities() {
        long city = Api.tree().city();
        boolean found = false;
        String cursor = null;
        do {
            var spec = as(Tokens.admin()).queryParam("limit", 100);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/regions").then().statusCode(200).extract().jsonPath();
            assertTrue(page.getList("items.level", String.class).stream().allMatch("CITY"::equals));
            found |= page.getList("items.id", Long.class).contains(city);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertTrue(found, "the new city is listed");
    }

    @Test
    void an_unknown_region_is_404() {
        as(Tokens.admin()).get("/api/v1/regions/987654321").then().statusCode(404)
                .body("code", equalTo("REGION_NOT_FOUND"));
        as(Tokens.admin()).get("/api/v1/regions/987654321/children").then().statusCode(404)
                .body("items", nullValue());
    }

    @Test
    void creating_regions_opens_no_ledger_account_and_a_new_community_reads_as_holding_nothing() {
        Api.Tree t = Api.tree();
        for (AccountPurpose purpose : AccountPurpose.values()) {
            if (purpose.owner() != OwnerType.REGION) {
                continue;
            }
            for (Asset asset : Asset.values()) {
                for (long region : List.of(t.community(), t.street())) {
                    assertTrue(tx.inNew(() -> accounts.openedCommunityAccount(region, asset, purpose)).isEmpty(),
                            () -> purpose + " " + asset + " of " + region);
                }
            }
        }
        as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/budget").then().statusCode(200)
                .body("budgeted", equalTo(false)).body("funded", equalTo(0)).body("spent", equalTo(0))
                .body("available", equalTo(0));
        as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/budget-fundings").then().statusCode(200)
                .body("items", empty());
        as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/pool").then().statusCode(200)
                .body("points.available", equalTo(0)).body("hours.availableMinutes", equalTo(0));
    }
}
