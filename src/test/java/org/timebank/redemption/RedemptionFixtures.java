package org.timebank.redemption;

import static org.timebank.support.Api.as;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/** Shops, catalogues, funded volunteers and their payment codes, made through the API. */
public final class RedemptionFixtures {
    private RedemptionFixtures() {}

    record Shop(long id, long settlementAccount, String operator) {}

    static Shop shop(long community) {
        JsonPath json = as(Tokens.admin()).body(Map.of("name", Api.unique("爱心超市"), "kind", "CHARITY_SUPERMARKET",
                "regionId", community)).post("/api/v1/shops").then().statusCode(201).extract().jsonPath();
        long id = json.getLong("id");
        return new Shop(id, json.getLong("settlementAccountId"), Tokens.shop(Long.toString(id)));
    }

    /** Adds one item; returns its id. */
    static long item(Shop shop, long pointsPrice, int stock) {
        List<Map<String, Object>> items = as(shop.operator())
                .body(List.of(Map.of("name", Api.unique("大米"), "pointsPrice", pointsPrice, "stock", stock, "active", true)))
                .put("/api/v1/shops/" + shop.id() + "/items").then().statusCode(200).extract().jsonPath().getList("$");
        return ((Number) items.get(items.size() - 1).get("id")).longValue();
    }

    static Api.Volunteer volunteerWith(long community, long points) {
        Api.Volunteer v = Api.volunteer(community);
        if (points > 0) {
            Api.adjust(v.pointsAccount(), "CREDIT", points).statusCode(201);
        }
        return v;
    }

    /** A fresh payment code of the volunteer's, as their phone shows it. */
    public static String code(Api.Volunteer v) {
        return as(Tokens.volunteer(v.id())).post("/api/v1/volunteers/" + v.id() + "/payment-codes").then()
                .statusCode(201).extract().jsonPath().getString("code");
    }

    static Response redeemPoints(Shop shop, String code, long points, String mode) {
        Map<String, Object> body = new HashMap<>(Map.of("shopId", shop.id(), "code", code, "points", points));
        if (mode != null) {
            body.put("mode", mode);
        }
        return as(shop.operator()).body(body).post("/api/v1/redemptions");
    }

    static Response redeemItem(Shop shop, String code, long itemId, int quantity, String mode) {
        Map<String, Object> body = new HashMap<>(Map.of("shopId", shop.id(), "code", code,
                "items", List.of(Map.of("itemId", itemId, "quantity", quantity))));
        if (mode != null) {
            body.put("mode", mode);
        }
        return as(shop.operator()).body(body).post("/api/v1/redemptions");
    }

    static int stock(Shop shop, long itemId) {
        List<Map<String, Object>> items = as(Tokens.admin()).get("/api/v1/shops/" + shop.id() + "/items").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return items.stream().filter(i -> ((Number) i.get("id")).longValue() == itemId)
                .map(i -> ((Number) i.get("stock")).intValue()).findFirst().orElseThrow();
    }

    static JsonPath account(long accountId) {
        return as(Tokens.admin()).get("/api/v1/ledger/accounts/" + accountId).then().statusCode(200)
                .extract().jsonPath();
    }

    static void sql(DataSource db, String statement, long id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }
}
