package org.timebank.redemption;

import static org.hamcrest.Matchers.equalTo;
import static org.timebank.redemption.RedemptionFixtures.code;
import static org.timebank.redemption.RedemptionFixtures.redeemPoints;
import static org.timebank.redemption.RedemptionFixtures.shop;
import static org.timebank.redemption.RedemptionFixtures.volunteerWith;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

@QuarkusTest
class RedemptionThresholdMessageTest {

    @Test
    void the_threshold_is_said_in_hours_and_minutes_never_rounded_down() {
        Api.Tree t = Api.tree();
        RedemptionFixtures.Shop shop = shop(t.community());
        as(Tokens.admin()).body(Map.of("minMinutes", 2000)).put("/api/v1/regions/" + t.community() + "/redemption-rules")
                .then().statusCode(200);
        Api.Volunteer v = volunteerWith(t.community(), 100);
        Api.adjust(v.hoursAccount(), "CREDIT", 1980).statusCode(201);

        assertProblem(redeemPoints(shop, code(v), 5, null), 422, "REDEMPTION_THRESHOLD_NOT_MET")
                .body("detail", equalTo("已认定服务时长 33 小时，满 33 小时 20 分钟后方可兑换"));
    }
}
