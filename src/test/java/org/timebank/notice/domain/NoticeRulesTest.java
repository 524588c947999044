package org.timebank.notice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbox's rules without a database: backoff, what WeChat's and a webhook's answers mean, signatures. */
class NoticeRulesTest {
    @Test
    void the_wait_doubles_from_the_base_up_to_the_maximum_and_the_last_attempt_is_not_retried() {
        Backoff b = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 4);

        assertEquals(Duration.ofSeconds(30), b.delay(1));
        assertEquals(Duration.ofSeconds(60), b.delay(2));
        assertEquals(Duration.ofSeconds(240), b.delay(4));
        assertEquals(Duration.ofMinutes(10), b.delay(7));
        assertEquals(Duration.ofMinutes(10), b.delay(1000), "no overflow on a long history");
        assertTrue(b.retries(3));
        assertFalse(b.retries(4));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
    }

    @Test
    void wechat_refusals_end_a_notice_and_its_passing_failures_are_retried() {
        assertInstanceOf(Delivery.Sent.class, Delivery.ofWeChat(0, "ok"));
        assertInstanceOf(Delivery.Refused.class, Delivery.ofWeChat(43101, "user refuse to accept the msg"));
        assertInstanceOf(Delivery.Refused.class, Delivery.ofWeChat(47003, "argument invalid"));
        assertInstanceOf(Delivery.Retry.class, Delivery.ofWeChat(-1, "system error"));
        assertInstanceOf(Delivery.Retry.class, Delivery.ofWeChat(45009, "reach max api daily quota limit"));
        assertEquals("errcode 45009: quota", ((Delivery.Retry) Delivery.ofWeChat(45009, "quota")).error());
    }

    @Test
    void a_refusal_leaves_the_volunteers_acceptance_unused_unless_wechat_says_they_have_none() {
        assertFalse(((Delivery.Refused) Delivery.ofWeChat(43101, "user refuse to accept the msg")).grantUnused());
        assertTrue(((Delivery.Refused) Delivery.ofWeChat(47003, "argument invalid")).grantUnused());
        assertTrue(((Delivery.Refused) Delivery.ofWeChat(40037, "invalid template id")).grantUnused());
        assertTrue(((Delivery.Refused) Delivery.ofWeChat(40003, "invalid openid")).grantUnused());
        assertFalse(((Delivery.Refused) Delivery.ofWebhook(410)).grantUnused(), "a webhook takes no grant");
    }

    @Test
    void a_webhook_answer_of_2xx_delivers_410_ends_and_anything_else_is_retried() {
        assertInstanceOf(Delivery.Sent.class, Delivery.ofWebhook(204));
        assertInstanceOf(Delivery.Refused.class, Delivery.ofWebhook(410));
        assertInstanceOf(Delivery.Retry.class, Delivery.ofWebhook(500));
        assertInstanceOf(Delivery.Retry.class, Delivery.ofWebhook(301));
    }

    @Test
    void the_signature_is_hmac_sha256_of_the_timestamp_and_body_and_changes_with_either() {
        // the expected value computed independently: printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac <secret>
        String body = "{\"id\":\"CLAIM_APPROVED:1\"}";
        String signature = WebhookSignature.sign("0123456789abcdef", 1700000000L, body);

        assertEquals("01798ab681a35b44c71579f4c42bd054f8c510cfe6fd96befaa31555bf1c6b72", signature);
        assertTrue(WebhookSignature.verify("0123456789abcdef", 1700000000L, body, signature));
        assertFalse(WebhookSignature.verify("0123456789abcdef", 1700000001L, body, signature));
        assertFalse(WebhookSignature.verify("0123456789abcdef", 1700000000L, body + " ", signature));
        assertEquals("t=1700000000,v1=" + signature, WebhookSignature.header("0123456789abcdef", 1700000000L, body));
    }

    @Test
    void a_notice_is_deduplicated_by_its_kind_and_event() {
        NewNotice n = new NewNotice(7, NoticeKind.CLAIM_REJECTED, "42", Map.of("reason", "x"));

        assertEquals("CLAIM_REJECTED:42", n.dedupId());
        assertThrows(IllegalArgumentException.class, () -> new NewNotice(7, NoticeKind.CLAIM_REJECTED, " ", Map.of()));
    }
}
