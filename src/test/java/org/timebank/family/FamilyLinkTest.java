package org.timebank.family;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.timebank.support.Api.as;

import static org.timebank.family.FamilyFixtures.link;
import static org.timebank.family.FamilyFixtures.linkStep;
import static org.timebank.family.FamilyFixtures.linked;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Tokens;

@QuarkusTest
class FamilyLinkTest {
    @Inject
    LedgerHousekeeping housekeeping;

    @Test
    void a_link_is_asked_for_by_one_side_confirmed_by_the_other_and_removed_by_either() {
        Api.Tree t = Api.tree();
        Api.Volunteer parent = Api.volunteer(t.community());
        Api.Volunteer child = Api.volunteer(t.community());
        long id = link(child, parent).then().statusCode(201).body("status", equalTo("PENDING"))
                .body("relation", equalTo("子女")).extract().jsonPath().getLong("id");
        link(parent, child).then().statusCode(409).body("code", equalTo("FAMILY_LINK_EXISTS"));
        linkStep(child, id, "confirmation").then().statusCode(403).body("code", equalTo("FAMILY_LINK_CONFIRM_BY_MEMBER"));
        linkStep(Api.volunteer(t.community()), id, "confirmation").then().statusCode(404);
        linkStep(parent, id, "confirmation").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        linkStep(parent, id, "confirmation").then().statusCode(409).body("code", equalTo("FAMILY_LINK_NOT_PENDING"));

        as(Tokens.volunteer(parent.id())).get("/api/v1/volunteers/" + parent.id() + "/family-links").then()
                .statusCode(200).body("items.id", contains((int) id));
        as(Tokens.volunteer(parent.id())).get("/api/v1/volunteers/" + child.id() + "/family-links").then()
                .statusCode(404);
        as(Tokens.staff("staff-family", t.street())).get("/api/v1/volunteers/" + child.id() + "/family-links").then()
                .statusCode(200).body("items.status", contains("CONFIRMED"));

        linkStep(parent, id, "removal").then().statusCode(200).body("status", equalTo("REMOVED"));
        linkStep(child, id, "removal").then().statusCode(409).body("code", equalTo("FAMILY_LINK_REMOVED"));
        link(parent, child).then().statusCode(201);
    }

    @Test
    void nobody_links_themself_or_on_another_volunteers_behalf() {
        Api.Tree t = Api.tree();
        Api.Volunteer a = Api.volunteer(t.community());
        Api.Volunteer b = Api.volunteer(t.community());
        link(a, a).then().statusCode(422).body("code", equalTo("FAMILY_LINK_TO_SELF"));
        as(Tokens.volunteer(b.id())).header("Idempotency-Key", Api.key()).body(Map.of("memberId", b.id()))
                .post("/api/v1/volunteers/" + a.id() + "/family-links").then().statusCode(403);
        as(Tokens.volunteer(a.id())).header("Idempotency-Key", Api.key()).body(Map.of("memberId", 987654321))
                .post("/api/v1/volunteers/" + a.id() + "/family-links").then().statusCode(422)
                .body("code", equalTo("VOLUNTEER_NOT_FOUND"));
        as(Tokens.volunteer(a.id())).header("Idempotency-Key", Api.key()).body(Map.of())
                .post("/api/v1/volunteers/" + a.id() + "/family-links").then().statusCode(400);
    }

    @Test
    void where_a_region_limits_gifts_of_hours_to_family_only_linked_members_receive_them() {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).header("Idempotency-Key", Api.key())
                .body(Map.of("hoursGiftsAllowed", true, "hoursGiftsFamilyOnly", true))
                .put("/api/v1/regions/" + t.city() + "/transfer-rules").then().statusCode(200)
                .body("hoursGiftsFamilyOnly", equalTo(true));
        Api.Volunteer giver = Api.volunteer(t.community());
        Api.Volunteer stranger = Api.volunteer(t.community());
        Api.Volunteer daughter = Api.volunteer(t.community());
        Api.adjust(giver.hoursAccount(), "CREDIT", 100).statusCode(201);
        Map<String, Object> toStranger = Map.of("type", "GIFT", "asset", "HOURS", "amount", 30, "toVolunteerId", stranger.id());
        as(Tokens.volunteer(giver.id())).header("Idempotency-Key", Api.key()).body(toStranger)
                .post("/api/v1/transfers").then().statusCode(422).body("code", equalTo("HOURS_GIFTS_FAMILY_ONLY"));
        linked(giver, daughter);
        as(Tokens.volunteer(giver.id())).header("Idempotency-Key", Api.key())
                .body(Map.of("type", "GIFT", "asset", "HOURS", "amount", 30, "toVolunteerId", daughter.id()))
                .post("/api/v1/transfers").then().statusCode(201);
        // points are not hours: the rule leaves their gifts alone
        Api.adjust(giver.pointsAccount(), "CREDIT", 5).statusCode(201);
        as(Tokens.volunteer(giver.id())).header("Idempotency-Key", Api.key())
                .body(Map.of("type", "GIFT", "asset", "POINTS", "amount", 5, "toVolunteerId", stranger.id()))
                .post("/api/v1/transfers").then().statusCode(201);
        LedgerChecks.assertLedgerSound(housekeeping);
    }
}
