package org.timebank.notice.domain;

/**
 * The outcome of one attempt to deliver a notice. {@link Retry}: it may succeed later (a busy or
 * failing server, a rate limit, a timeout); {@link Refused}: it never will (the volunteer refused
 * the template, the channel is gone).
 */
public sealed interface Delivery {
    record Sent() implements Delivery {}

    record Retry(String error) implements Delivery {}

    /**
     * {@code grantUnused}: WeChat still holds the volunteer's acceptance of the template, as it takes
     * one only with a message it sends; false when WeChat says there is none (43101), and for webhooks.
     */
    record Refused(String error, boolean grantUnused) implements Delivery {}

    /**
     * What WeChat's {@code errcode} means for subscribeMessage.send (its documented codes): 0 sent;
     * 43101 the user refused, or has no acceptance left; 40003 an openid not of this app; 47003 the
     * data do not fit the template and 40037 an invalid template id, which no retry mends; the rest
     * (-1 busy, 45009 rate limit, an unexpected code) may pass. 40001 and 42001, an invalid or
     * expired access token, are handled before this, by fetching a fresh token.
     */
    static Delivery ofWeChat(int errcode, String errmsg) {
        String error = "errcode " + errcode + (errmsg == null ? "" : ": " + errmsg);
        return switch (errcode) {
            case 0 -> new Sent();
            case 43101 -> new Refused(error, false);
            case 40003, 47003, 40037 -> new Refused(error, true);
            default -> new Retry(error);
        };
    }

    /** What an HTTP status means for a webhook: 2xx delivered, 410 Gone refused for good, the rest retried. */
    static Delivery ofWebhook(int status) {
        if (status >= 200 && status < 300) {
            return new Sent();
        }
        return status == 410 ? new Refused("HTTP 410", false) : new Retry("HTTP " + status);
    }
}
