package org.timebank.notice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.notice.NoticeSettings;
import org.timebank.notice.NoticeSubscriptions;
import org.timebank.notice.domain.NoticeKind;
import org.timebank.notice.domain.SubscriptionChoice;

public final class NoticeViews {
    private NoticeViews() {}

    @Schema(name = "NoticeSubscriptionChoice")
    public record Choice(
            @NotNull @Size(min = 1, max = 128) @Schema(description = "the WeChat template id, as wx.requestSubscribeMessage reported it",
                    example = "hP3yE2Xbd-approval-template") String templateId,
            @NotNull @Schema(description = "the user's answer: accept, reject, or ban (the template is off for them)")
            SubscriptionChoice.Decision decision,
            @Schema(description = "the user ticked 'always' (总是保持以上选择): with ACCEPT on a long-term template, every "
                    + "message of it is allowed; with REJECT, the template's grants all go", defaultValue = "false")
            Boolean always) {

        SubscriptionChoice command() {
            return new SubscriptionChoice(templateId, decision, Boolean.TRUE.equals(always));
        }
    }

    @Schema(name = "RecordNoticeSubscriptions")
    public record RecordSubscriptions(@NotEmpty @Size(max = 20) List<@Valid @NotNull Choice> choices) {
        List<SubscriptionChoice> commands() {
            return choices.stream().map(Choice::command).toList();
        }
    }

    @Schema(name = "NoticeSubscription")
    public record SubscriptionView(
            @Schema(example = "hP3yE2Xbd-approval-template") String templateId,
            @Schema(description = "what the template tells") NoticeKind kind,
            @Schema(description = "whether the template may be accepted for good ('always')") boolean longTerm,
            @Schema(description = "messages still allowed by one-time acceptances; each notice takes one", example = "2")
            int oneTimeGrants,
            @Schema(description = "every message of the template is allowed") boolean always) {

        static SubscriptionView of(NoticeSubscriptions.Subscription s) {
            return new SubscriptionView(s.template(), s.kind(), s.longTerm(), s.oneTimeGrants(), s.always());
        }
    }

    @Schema(name = "NoticeSubscriptions")
    public record SubscriptionsView(List<SubscriptionView> items) {
        static SubscriptionsView of(List<NoticeSubscriptions.Subscription> list) {
            return new SubscriptionsView(list.stream().map(SubscriptionView::of).toList());
        }
    }

    @Schema(name = "PutPointsExpiryNotice")
    public record PutExpiryWarning(
            @NotNull @Min(1) @Max(90) @Schema(description = "warn this many days before points expire", example = "7")
            Integer days) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PointsExpiryNotice")
    public record ExpiryWarningView(
            @Schema(example = "4") long regionId,
            @Schema(description = "volunteers are warned this many days before their points expire; absent: never", example = "7")
            Integer days,
            @Schema(description = "the region whose rule is in force (this one or the nearest ancestor with one)", example = "1")
            Long inheritedFrom) {

        static ExpiryWarningView of(NoticeSettings.ExpiryWarning w) {
            return new ExpiryWarningView(w.regionId(), w.days(), w.inheritedFrom());
        }
    }

    @Schema(name = "PutNoticeWebhook")
    public record PutWebhook(
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+") @Schema(description = "where the events are POSTed; "
                    + "absent or null removes the region's own webhook", example = "https://example.org/timebank-events")
            String url,
            @Size(min = 16, max = 200) @Schema(description = "the HMAC-SHA256 key of X-Timebank-Signature; write-only, "
                    + "never shown again", example = "a-long-random-shared-secret")
            String secret) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NoticeWebhook")
    public record WebhookView(
            @Schema(example = "4") long regionId,
            @Schema(description = "the webhook in force; absent: none", example = "https://example.org/timebank-events")
            String url,
            @Schema(description = "the region whose webhook is in force (this one or the nearest ancestor with one)", example = "1")
            Long inheritedFrom) {

        static WebhookView of(NoticeSettings.WebhookInForce w) {
            return new WebhookView(w.regionId(), w.url(), w.inheritedFrom());
        }
    }
}
