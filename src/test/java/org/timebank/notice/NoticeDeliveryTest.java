package org.timebank.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.timebank.common.Tx;
import org.timebank.notice.FakeWeChat.Reply;
import org.timebank.notice.domain.NewNotice;
import org.timebank.notice.domain.NoticeKind;
import org.timebank.notice.domain.WebhookSignature;
import org.timebank.notice.persistence.NoticeStore;
import org.timebank.support.Api;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

/**
 * Notices from the events that cause them to a fake of WeChat's API (and a webhook receiver): written
 * with their event, sent only against the volunteer's grants, retried through WeChat's failures, and
 * neither lost nor sent twice at once when a dispatcher dies mid-send.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeWeChat.class, restrictToAnnotatedClass = true)
class NoticeDeliveryTest {
    static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    NoticeDispatcher dispatcher;
    @Inject
    NoticeStore store;
    @Inject
    Notices notices;
    @Inject
    Tx tx;

    static FakeWeChat fake() {
        return FakeWeChat.instance;
    }

    // ---- fixtures, through the public API ----

    /** A fresh tree whose city converts at 1 point an hour, to the minute. */
    static Api.Tree ruledTree() {
        Api.Tree t = Api.tree();
        Map<String, Object> body = new HashMap<>();
        body.put("granularityMinutes", 1);
        body.put("rounding", "DOWN");
        body.put("effectiveFrom", OffsetDateTime.now(SHANGHAI).minusDays(30).toString());
        body.put("rates", List.of(Map.of("category", "DEFAULT", "pointsPerHour", 1)));
        as(Tokens.admin()).body(body).put("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200);
        return t;
    }

    static OffsetDateTime yesterday(int hour) {
        return OffsetDateTime.now(SHANGHAI).toLocalDate().minusDays(1).atStartOfDay().atOffset(SHANGHAI).plusHours(hour);
    }

    static long claim(Api.Volunteer v, int fromHour, int toHour) {
        return as(Tokens.volunteer(v.id())).body(Map.of("startsAt", yesterday(fromHour).toString(),
                        "endsAt", yesterday(toHour).toString()))
                .post("/api/v1/hour-claims").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void decide(Api.Tree t, long claimId, String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        as(Tokens.staff(Api.unique("staff"), t.street())).body(body).post("/api/v1/hour-claims/" + claimId + "/decision")
                .then().statusCode(200);
    }

    static io.restassured.response.ValidatableResponse subscribe(long volunteerId, String token, Map<String, Object>... choices) {
        return as(token).header("Idempotency-Key", Api.key()).body(Map.of("choices", List.of(choices)))
                .post("/api/v1/volunteers/" + volunteerId + "/notice-subscriptions").then();
    }

    static Map<String, Object> accept(String template) {
        return Map.of("templateId", template, "decision", "ACCEPT");
    }

    static int grants(Api.Volunteer v, String template) {
        List<Map<String, Object>> items = as(Tokens.volunteer(v.id())).get("/api/v1/volunteers/" + v.id()
                + "/notice-subscriptions").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> template.equals(i.get("templateId"))).mapToInt(i -> (Integer) i.get("oneTimeGrants"))
                .findFirst().orElseThrow();
    }

    List<NoticeStore.Row> noticesOf(Api.Volunteer v) {
        return tx.inNew(() -> store.ofVolunteer(v.id()));
    }

    NoticeStore.Row only(Api.Volunteer v, String channel) {
        List<NoticeStore.Row> rows = noticesOf(v).stream().filter(r -> r.channel().equals(channel)).toList();
        assertEquals(1, rows.size(), "one " + channel + " notice: " + rows);
        return rows.get(0);
    }

    static String openid(Api.Volunteer v) {
        return BoundRecipients.openidOf(v.id());
    }

    /** A volunteer with one approved claim (60 minutes, 1 point) whose notice waits, having subscribed once. */
    Api.Volunteer approvedAndSubscribed() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        subscribe(v.id(), Tokens.volunteer(v.id()), accept("tpl-claim-approved")).statusCode(200);
        decide(t, claim(v, 9, 10), "APPROVE", null);
        return v;
    }

    // ---- the normal path ----

    @Test
    void an_approved_claim_reaches_a_subscribed_volunteer_exactly_once() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        subscribe(v.id(), Tokens.volunteer(v.id()), accept("tpl-claim-approved")).statusCode(200);
        assertEquals(1, grants(v, "tpl-claim-approved"));
        long claimId = claim(v, 9, 11);

        decide(t, claimId, "APPROVE", null);

        NoticeStore.Row written = only(v, "WECHAT");
        assertEquals("PENDING", written.status(), "written with the approval, sent later");
        assertEquals("CLAIM_APPROVED:" + claimId, written.dedupId());
        assertEquals(0, grants(v, "tpl-claim-approved"), "the notice took the one acceptance");

        dispatcher.dispatch(Instant.now());
        dispatcher.dispatch(Instant.now().plus(Duration.ofHours(1)));

        List<FakeWeChat.Received> got = fake().deliveredTo(openid(v));
        assertEquals(1, got.size(), "delivered once");
        JsonNode message = got.get(0).body();
        assertEquals("tpl-claim-approved", message.path("template_id").asText());
        assertEquals("2", message.path("data").path("number1").path("value").asText(), "points, as the fields map them");
        assertEquals("120", message.path("data").path("number2").path("value").asText());
        assertTrue(message.path("page").asText().endsWith("?notice=CLAIM_APPROVED%3A" + claimId), message.toString());
        NoticeStore.Row sent = only(v, "WECHAT");
        assertEquals("SENT", sent.status());
        assertEquals(1, sent.attempts());
        assertNotNull(sent.sentAt());
    }

    @Test
    void without_an_acceptance_nothing_is_written_and_one_acceptance_allows_one_message() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        decide(t, claim(v, 8, 9), "APPROVE", null);
        assertEquals(List.of(), noticesOf(v), "no grant, no WeChat notice");

        subscribe(v.id(), Tokens.volunteer(v.id()), accept("tpl-claim-rejected")).statusCode(200);
        decide(t, claim(v, 10, 11), "REJECT", "no such activity");
        decide(t, claim(v, 12, 13), "REJECT", "duplicate");

        List<NoticeStore.Row> rows = noticesOf(v);
        assertEquals(1, rows.size(), "the second rejection found no grant left: " + rows);
        assertEquals("CLAIM_REJECTED", rows.get(0).kind());
        assertTrue(rows.get(0).payload().contains("no such activity"), rows.get(0).payload());
    }

    @Test
    void a_notice_rolls_back_with_the_transaction_that_wrote_it_and_gives_its_grant_back() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        subscribe(v.id(), Tokens.volunteer(v.id()), accept("tpl-claim-approved")).statusCode(200);

        try {
            QuarkusTransaction.requiringNew().run(() -> {
                notices.enqueue(new NewNotice(v.id(), NoticeKind.CLAIM_APPROVED, "rolled-back", Map.of("points", "1")));
                store.pending();
                throw new IllegalStateException("the event's transaction fails");
            });
        } catch (IllegalStateException expected) {
            // the event did not happen
        }

        assertEquals(List.of(), noticesOf(v));
        assertEquals(1, grants(v, "tpl-claim-approved"));
    }

    @Test
    void the_same_event_is_noticed_once() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        subscribe(v.id(), Tokens.volunteer(v.id()), accept("tpl-claim-approved"), accept("tpl-claim-approved"))
                .statusCode(200);

        for (int i = 0; i < 2; i++) {
            QuarkusTransaction.requiringNew().run(() ->
                    notices.enqueue(new NewNotice(v.id(), NoticeKind.CLAIM_APPROVED, "same-event", Map.of("points", "1"))));
        }

        assertEquals(1, noticesOf(v).size());
        assertEquals(1, grants(v, "tpl-claim-approved"), "the repeat took no grant");
    }

    // ---- WeChat's failures ----

    @Test
    void a_token_invalidated_elsewhere_is_fetched_again_and_the_send_repeated_once() {
        dispatcher.dispatch(Instant.now());
        approvedAndSubscribed();
        dispatcher.dispatch(Instant.now());
        String cached = fake().token;
        fake().token = "token-rotated-elsewhere";
        Api.Volunteer v = approvedAndSubscribed();

        dispatcher.dispatch(Instant.now());

        List<FakeWeChat.Received> sends = fake().sendsTo(openid(v));
        assertEquals(List.of(cached, "token-rotated-elsewhere"), sends.stream().map(FakeWeChat.Received::token).toList(),
                "refused with 40001, then repeated with the token stable_token gives now");
        assertEquals(1, fake().deliveredTo(openid(v)).size());
        assertEquals("SENT", only(v, "WECHAT").status());
    }

    @Test
    void a_refused_token_that_stable_token_still_returns_is_replaced_by_a_forced_refresh() {
        dispatcher.dispatch(Instant.now());
        approvedAndSubscribed();
        dispatcher.dispatch(Instant.now());
        String refused = fake().token;
        fake().revoked = refused;
        int forced = fake().forcedTokenCalls.get();
        Api.Volunteer v = approvedAndSubscribed();

        dispatcher.dispatch(Instant.now());

        List<String> tokens = fake().sendsTo(openid(v)).stream().map(FakeWeChat.Received::token).toList();
        assertEquals(2, tokens.size(), tokens.toString());
        assertEquals(refused, tokens.get(0));
        assertEquals(fake().token, tokens.get(1));
        assertEquals(forced + 1, fake().forcedTokenCalls.get());
        assertEquals(1, fake().deliveredTo(openid(v)).size());
    }

    @Test
    void an_expired_token_is_replaced_and_a_valid_one_is_reused() {
        dispatcher.dispatch(Instant.now());
        approvedAndSubscribed();
        dispatcher.dispatch(Instant.now());
        Api.Volunteer v = approvedAndSubscribed();
        Api.Volunteer w = approvedAndSubscribed();
        fake().expireToken();
        int calls = fake().tokenCalls.get();
        int forced = fake().forcedTokenCalls.get();

        dispatcher.dispatch(Instant.now());

        assertEquals(1, fake().deliveredTo(openid(v)).size());
        assertEquals(1, fake().deliveredTo(openid(w)).size());
        assertEquals(calls + 1, fake().tokenCalls.get(), "one new token, then reused for the next send");
        assertEquals(forced, fake().forcedTokenCalls.get(), "stable_token's forced refresh is rationed by WeChat");
    }

    @Test
    void busy_rate_limited_failing_and_stalled_sends_are_retried_with_exponential_backoff_until_sent() {
        Api.Volunteer v = approvedAndSubscribed();
        fake().script(openid(v), Reply.errcode(-1), Reply.errcode(45009), Reply.http(500), Reply.timeout());
        Instant t0 = Instant.now();
        List<String> errors = new ArrayList<>();

        Instant at = t0;
        for (long wait : new long[] {30, 60, 120, 120}) {
            dispatcher.dispatch(at);
            NoticeStore.Row row = only(v, "WECHAT");
            assertEquals("PENDING", row.status());
            assertEquals(at.plusSeconds(wait).toEpochMilli() / 1000, row.nextAttemptAt().toEpochMilli() / 1000,
                    "doubling from 30 s, at most 2 min");
            errors.add(row.lastError());
            dispatcher.dispatch(at.plusSeconds(wait - 1));
            assertEquals(errors.size(), fake().sendsTo(openid(v)).size(), "not tried again before its time");
            at = at.plusSeconds(wait);
        }
        dispatcher.dispatch(at);

        assertEquals(List.of("errcode -1: scripted", "errcode 45009: scripted", "HTTP 500", "timeout"), errors);
        NoticeStore.Row sent = only(v, "WECHAT");
        assertEquals("SENT", sent.status());
        assertEquals(5, sent.attempts());
        assertNull(sent.lastError());
        assertEquals(1, fake().deliveredTo(openid(v)).size());
    }

    @Test
    void a_notice_still_failing_on_its_last_attempt_fails_for_good() {
        Api.Volunteer v = approvedAndSubscribed();
        fake().script(openid(v), Reply.errcode(-1), Reply.errcode(-1), Reply.errcode(-1), Reply.errcode(-1),
                Reply.errcode(-1), Reply.errcode(-1));

        Instant at = Instant.now();
        for (int i = 0; i < 6; i++) {
            dispatcher.dispatch(at);
            at = at.plus(Duration.ofMinutes(5));
        }

        NoticeStore.Row failed = only(v, "WECHAT");
        assertEquals("FAILED", failed.status());
        assertEquals(5, failed.attempts(), "max-attempts is 5 in this test");
        assertEquals(5, fake().sendsTo(openid(v)).size());
        assertEquals(0, fake().deliveredTo(openid(v)).size());
    }

    @Test
    void a_user_who_refused_is_not_asked_again() {
        Api.Volunteer v = approvedAndSubscribed();
        fake().script(openid(v), Reply.errcode(43101));

        dispatcher.dispatch(Instant.now());
        dispatcher.dispatch(Instant.now().plus(Duration.ofHours(2)));

        NoticeStore.Row row = only(v, "WECHAT");
        assertEquals("SKIPPED", row.status());
        assertTrue(row.lastError().startsWith("errcode 43101"), row.lastError());
        assertEquals(1, fake().sendsTo(openid(v)).size());
    }

    @Test
    void a_rejection_reason_too_long_for_a_thing_field_is_cut_to_fit_and_the_message_is_sent() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        subscribe(v.id(), Tokens.volunteer(v.id()), accept("tpl-claim-rejected")).statusCode(200);
        String reason = "活动记录与签到时间不一致，请联系社区工作人员核对后重新提交";
        assertEquals("thing1", FakeWeChat.unfitField(FakeWeChat.JSON.createObjectNode().set("thing1",
                FakeWeChat.JSON.createObjectNode().put("value", reason))), "as it is, WeChat refuses it (47003)");
        decide(t, claim(v, 14, 16), "REJECT", reason);

        dispatcher.dispatch(Instant.now());

        assertEquals(1, fake().sendsTo(openid(v)).size(), "one send, not refused");
        List<FakeWeChat.Received> got = fake().deliveredTo(openid(v));
        assertEquals(1, got.size());
        JsonNode data = got.get(0).body().path("data");
        assertEquals(reason.substring(0, 19) + "…", data.path("thing1").path("value").asText(), "20 characters");
        assertEquals(yesterday(14).toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")),
                data.path("time2").path("value").asText(), "a time as WeChat writes one");
        assertEquals("120", data.path("number3").path("value").asText());
        assertEquals("SENT", only(v, "WECHAT").status());
    }

    // ---- a grant the volunteer gave for a message never sent ----

    @Test
    void a_notice_that_fails_for_good_gives_its_one_time_grant_back() {
        Api.Volunteer v = approvedAndSubscribed();
        assertEquals(0, grants(v, "tpl-claim-approved"));
        fake().script(openid(v), Reply.errcode(-1), Reply.errcode(-1), Reply.errcode(-1), Reply.errcode(-1),
                Reply.errcode(-1));

        Instant at = Instant.now();
        for (int i = 0; i < 4; i++) {
            dispatcher.dispatch(at);
            at = at.plus(Duration.ofMinutes(5));
            assertEquals(0, grants(v, "tpl-claim-approved"), "still being tried: the grant is the notice's");
        }
        dispatcher.dispatch(at);

        assertEquals("FAILED", only(v, "WECHAT").status());
        assertEquals(1, grants(v, "tpl-claim-approved"), "WeChat took no acceptance: the volunteer has it again");
        dispatcher.dispatch(at.plus(Duration.ofHours(2)));
        assertEquals(1, grants(v, "tpl-claim-approved"), "given back once");
    }

    @Test
    void a_message_wechat_refuses_gives_the_grant_back_unless_the_volunteer_has_none_at_wechat() {
        Api.Volunteer badData = approvedAndSubscribed();
        fake().script(openid(badData), Reply.errcode(40037));
        Api.Volunteer refusing = approvedAndSubscribed();
        fake().script(openid(refusing), Reply.errcode(43101));

        dispatcher.dispatch(Instant.now());

        assertEquals("SKIPPED", only(badData, "WECHAT").status());
        assertEquals(1, grants(badData, "tpl-claim-approved"), "refused before it was sent: the acceptance is unused");
        assertEquals("SKIPPED", only(refusing, "WECHAT").status());
        assertEquals(0, grants(refusing, "tpl-claim-approved"), "43101: WeChat holds no acceptance of theirs");
    }

    @Test
    void a_sent_notice_keeps_its_grant_and_a_long_term_acceptance_is_not_counted_up() {
        Api.Volunteer v = approvedAndSubscribed();
        dispatcher.dispatch(Instant.now());
        assertEquals("SENT", only(v, "WECHAT").status());
        assertEquals(0, grants(v, "tpl-claim-approved"));

        Api.Volunteer always = Api.volunteer(ruledTree().community());
        subscribe(always.id(), Tokens.volunteer(always.id()), Map.of("templateId", "tpl-points-expiring",
                "decision", "ACCEPT", "always", true)).statusCode(200);
        int before = grants(always, "tpl-points-expiring");
        QuarkusTransaction.requiringNew().run(() -> notices.enqueue(new NewNotice(always.id(), NoticeKind.POINTS_EXPIRING,
                "long-term-" + always.id(), Map.of("points", "5"))));
        fake().script(openid(always), Reply.errcode(47003));
        dispatcher.dispatch(Instant.now());
        assertEquals("SKIPPED", only(always, "WECHAT").status());
        assertEquals(before, grants(always, "tpl-points-expiring"), "a long-term acceptance took nothing, gets nothing");
    }

    // ---- a dispatcher that dies mid-send ----

    @Test
    void a_dispatcher_that_dies_after_claiming_leaves_the_notice_to_another_once_its_lease_ends() {
        Api.Volunteer v = approvedAndSubscribed();
        Instant t0 = Instant.now();
        List<NoticeStore.Claimed> claimed = tx.inNew(() ->
                store.claimDue(List.of("WECHAT"), t0, t0.plus(LEASE), 5, 1000));
        assertTrue(claimed.stream().anyMatch(c -> c.volunteerId() == v.id()));
        // ... and the replica dies before its HTTP call

        dispatcher.dispatch(t0.plusSeconds(10));
        assertEquals(0, fake().sendsTo(openid(v)).size(), "the lease keeps other dispatchers off it");
        assertEquals("SENDING", only(v, "WECHAT").status());

        dispatcher.dispatch(t0.plus(LEASE).plusSeconds(1));

        assertEquals(1, fake().deliveredTo(openid(v)).size(), "not lost, and sent once");
        NoticeStore.Row row = only(v, "WECHAT");
        assertEquals("SENT", row.status());
        assertEquals(2, row.attempts(), "the dead claim counted as an attempt");
    }

    @Test
    void a_dispatcher_that_dies_after_wechat_accepted_leads_to_one_repeat_with_the_same_dedup_id() {
        Api.Volunteer v = approvedAndSubscribed();
        Instant t0 = Instant.now();
        NoticeStore.Claimed mine = tx.inNew(() -> store.claimDue(List.of("WECHAT"), t0, t0.plus(LEASE), 5, 1000))
                .stream().filter(c -> c.volunteerId() == v.id()).findFirst().orElseThrow();
        assertTrue(dispatcher.deliver(mine) instanceof org.timebank.notice.domain.Delivery.Sent);
        // ... and the replica dies before recording the outcome

        dispatcher.dispatch(t0.plusSeconds(30));
        assertEquals(1, fake().sendsTo(openid(v)).size(), "nobody sends it while the lease runs");

        dispatcher.dispatch(t0.plus(LEASE).plusSeconds(1));
        dispatcher.dispatch(t0.plus(Duration.ofHours(3)));

        // WeChat has no idempotency key: the service cannot know the first send arrived, so it repeats
        // it once (at least once); both carry the notice's dedup id for the mini-program to show one
        List<FakeWeChat.Received> got = fake().deliveredTo(openid(v));
        assertEquals(2, got.size());
        assertEquals(got.get(0).body().path("page"), got.get(1).body().path("page"));
        assertEquals("SENT", only(v, "WECHAT").status());
        assertFalse(tx.inNew(() -> store.sent(mine.id(), mine.attempts(), Instant.now())),
                "the dead claim's late outcome is fenced off by the attempt number");
    }

    @Test
    void dispatchers_running_at_once_send_each_notice_exactly_once() throws Exception {
        List<Api.Volunteer> volunteers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            volunteers.add(approvedAndSubscribed());
        }
        Instant now = Instant.now();
        List<Callable<NoticeDispatcher.Run>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(() -> dispatcher.dispatch(now));
        }

        Parallel.run(4, runs);

        for (Api.Volunteer v : volunteers) {
            assertEquals(1, fake().sendsTo(openid(v)).size(), "volunteer " + v.id());
            assertEquals("SENT", only(v, "WECHAT").status());
        }
    }

    // ---- the region's webhook ----

    @Test
    void a_regions_webhook_receives_the_event_signed_and_retried() throws Exception {
        Api.Tree t = ruledTree();
        String path = "/hook/" + t.city();
        String secret = "a-long-test-secret-" + t.city();
        as(Tokens.admin()).body(Map.of("url", fake().base() + path, "secret", secret))
                .put("/api/v1/regions/" + t.city() + "/notice-webhook").then().statusCode(200);
        as(Tokens.staff("s", t.community())).get("/api/v1/regions/" + t.community() + "/notice-webhook").then()
                .statusCode(200).body("inheritedFrom", org.hamcrest.Matchers.equalTo((int) t.city()))
                .body("secret", org.hamcrest.Matchers.nullValue());
        fake().script(path, Reply.http(503));
        Api.Volunteer v = Api.volunteer(t.community());
        long claimId = claim(v, 9, 10);

        decide(t, claimId, "REJECT", "wrong day");
        Instant t0 = Instant.now();
        dispatcher.dispatch(t0);
        assertEquals("PENDING", only(v, "WEBHOOK").status(), "503 is retried");
        dispatcher.dispatch(t0.plusSeconds(30));

        List<FakeWeChat.Received> got = fake().hooksAt(path);
        assertEquals(2, got.size());
        FakeWeChat.Received last = got.get(1);
        assertEquals("CLAIM_REJECTED:" + claimId, last.body().path("id").asText());
        assertEquals("wrong day", last.body().path("data").path("reason").asText());
        assertEquals(got.get(0).body().path("id"), last.body().path("id"), "the repeat carries the same id");
        String timestamp = last.headers().get("X-timebank-timestamp").get(0);
        String signature = last.headers().get("X-timebank-signature").get(0);
        assertEquals("CLAIM_REJECTED:" + claimId, last.headers().get("X-timebank-notice-id").get(0));
        assertTrue(signature.startsWith("t=" + timestamp + ",v1="), signature);
        assertTrue(WebhookSignature.verify(secret, Long.parseLong(timestamp), last.raw(),
                signature.substring(signature.indexOf("v1=") + 3)), "signed with the region's secret");
        assertFalse(WebhookSignature.verify("another-secret-entirely", Long.parseLong(timestamp), last.raw(),
                signature.substring(signature.indexOf("v1=") + 3)));
        assertEquals("SENT", only(v, "WEBHOOK").status());
    }
}
