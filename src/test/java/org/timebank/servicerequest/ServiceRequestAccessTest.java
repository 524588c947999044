package org.timebank.servicerequest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.servicerequest.ServiceRequestFixtures.PATH;
import static org.timebank.servicerequest.ServiceRequestFixtures.accept;
import static org.timebank.servicerequest.ServiceRequestFixtures.body;
import static org.timebank.servicerequest.ServiceRequestFixtures.cancel;
import static org.timebank.servicerequest.ServiceRequestFixtures.complete;
import static org.timebank.servicerequest.ServiceRequestFixtures.confirm;
import static org.timebank.servicerequest.ServiceRequestFixtures.pendingMinutes;
import static org.timebank.servicerequest.ServiceRequestFixtures.post;
import static org.timebank.servicerequest.ServiceRequestFixtures.request;
import static org.timebank.servicerequest.ServiceRequestFixtures.step;
import static org.timebank.servicerequest.ServiceRequestFixtures.with;
import static org.timebank.servicerequest.ServiceRequestFixtures.withMinutes;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.family.FamilyFixtures;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/** Who may do what with a service request: requester, payer, provider, family, staff in and out of scope, shop, admin. */
@QuarkusTest
class ServiceRequestAccessTest {
    @Test
    void a_shop_and_an_anonymous_caller_are_turned_away_everywhere() {
        Api.Tree t = Api.tree();
        Api.Volunteer requester = withMinutes(t.community(), 100);
        long id = request(requester, 30);
        String shop = Tokens.shop("1");
        post(shop, body(30)).then().statusCode(403);
        as(shop).get(PATH).then().statusCode(403);
        as(shop).get(PATH + "/" + id).then().statusCode(403);
        for (String s : new String[] {"acceptance", "cancellation", "no-show", "completion", "confirmation", "dispute",
                "resolution"}) {
            step(shop, id, s, Map.of("reason", "x", "minutesServed", 1, "decision", "VOID")).then().statusCode(403);
        }
        as(shop).get("/api/v1/regions/" + t.community() + "/hours-liability").then().statusCode(403);
        RestAssured.given().get(PATH + "/" + id).then().statusCode(401);
        RestAssured.given().contentType("application/json").body(body(30)).post(PATH).then().statusCode(401);
    }

    @Test
    void staff_act_only_in_the_communities_they_serve_and_never_on_a_request_they_are_a_side_of() {
        Api.Tree t = Api.tree();
        ServiceRequestFixtures.settlement(t.community(), "MUTUAL_AID");
        Api.Volunteer resident = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        String near = Tokens.staff("staff-near", t.street());
        String far = Tokens.staff("staff-far", Api.tree().community());
        post(far, with(body(30), "requesterId", resident.id())).then().statusCode(403).body("code", equalTo("NOT_IN_SCOPE"));
        long id = post(near, with(body(60), "requesterId", resident.id())).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(far).get(PATH + "/" + id).then().statusCode(404);
        as(far).get(PATH).then().statusCode(200).body("items.id", not(hasItem((int) id)));
        as(near).get(PATH + "/" + id).then().statusCode(200);
        accept(provider, id).then().statusCode(200);
        complete(provider, id, 60).then().statusCode(200);
        confirm(far, id).then().statusCode(404);
        cancel(far, id, "x").then().statusCode(404);
        // staff who provided the service may not confirm it, though they serve the community
        String staffProvider = Tokens.token(Long.toString(provider.id()), java.util.Set.of("staff", "volunteer"),
                java.util.List.of(t.community()), null);
        confirm(staffProvider, id).then().statusCode(403);
        step(Tokens.volunteer(provider.id()), id, "dispute", Map.of("reason", "少算了")).then().statusCode(200);
        step(staffProvider, id, "resolution", Map.of("decision", "POST_FULL", "reason", "我自己")).then().statusCode(403);
        step(near, id, "resolution", Map.of("decision", "POST_FULL", "reason", "核实")).then().statusCode(200)
                .body("postedMinutes", equalTo(60));
    }

    @Test
    void the_sides_see_and_act_on_their_request_and_other_volunteers_see_only_what_is_open() {
        Api.Tree t = Api.tree();
        ServiceRequestFixtures.settlement(t.community(), "MUTUAL_AID");
        Api.Volunteer elder = withMinutes(t.community(), 0);
        Api.Volunteer son = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        Api.Volunteer other = withMinutes(t.community(), 0);
        FamilyFixtures.linked(son, elder);
        long id = post(Tokens.volunteer(elder.id()), with(body(60), "payerType", "FAMILY", "payerVolunteerId", son.id()))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as(Tokens.volunteer(other.id())).get(PATH + "/" + id).then().statusCode(200);
        cancel(Tokens.volunteer(other.id()), id, null).then().statusCode(403);
        cancel(Tokens.volunteer(son.id()), id, null).then().statusCode(403);
        accept(provider, id).then().statusCode(200);

        for (Api.Volunteer side : new Api.Volunteer[] {elder, son, provider}) {
            as(Tokens.volunteer(side.id())).get(PATH + "/" + id).then().statusCode(200);
        }
        as(Tokens.volunteer(other.id())).get(PATH + "/" + id).then().statusCode(404);
        complete(other, id, 30).then().statusCode(404);
        complete(elder, id, 30).then().statusCode(403);
        complete(provider, id, 30).then().statusCode(200);
        confirm(Tokens.volunteer(other.id()), id).then().statusCode(404);
        confirm(Tokens.volunteer(son.id()), id).then().statusCode(403);
        step(Tokens.volunteer(son.id()), id, "resolution", Map.of("decision", "VOID", "reason", "x")).then()
                .statusCode(403);
        assertEquals(60, pendingMinutes(son));
        as(Tokens.admin()).get(PATH + "/" + id).then().statusCode(200);
        as(Tokens.admin()).get(PATH + "?regionId=" + t.community()).then().statusCode(200)
                .body("items.id", hasItem((int) id));
        confirm(Tokens.admin(), id).then().statusCode(200).body("status", equalTo("CONFIRMED"));
    }
}
