package org.timebank.notice;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.timebank.notice.domain.NoticeKind;

/**
 * Notices to volunteers (README "Notices"). Unremovable: the scheduler reads
 * {@code ${timebank.notice.every}} and {@code ${timebank.notice.expiry-warning-every}} by name.
 */
@ConfigMapping(prefix = "timebank.notice")
@Unremovable
public interface NoticeConfig {
    /** How often the dispatcher delivers due notices (read by the scheduler); {@code off} stops it. */
    @WithDefault("5s")
    String every();

    /** Notices claimed per batch; each batch's deliveries run one after another. */
    @WithDefault("20")
    int batch();

    /**
     * How long a claimed notice is its dispatcher's: past it, with no outcome recorded (the replica
     * died mid-send), the notice is due again. Longer than the HTTP timeout with a margin.
     */
    @WithDefault("2m")
    Duration lease();

    /** The wait after a first failed delivery; it doubles with every attempt, up to backoff-max. */
    @WithDefault("30s")
    Duration backoffBase();

    @WithDefault("1h")
    Duration backoffMax();

    /** Attempts before a notice is given up (FAILED). */
    @WithDefault("10")
    int maxAttempts();

    /** Connect and response timeout of each webhook call (WeChat's are timebank.wechat's). */
    @WithDefault("10s")
    Duration httpTimeout();

    /** How often volunteers are warned of points about to expire (read by the scheduler); {@code off} stops it. */
    @WithDefault("1h")
    String expiryWarningEvery();

    WeChat wechat();

    /** What notices send through WeChat; the mini-program's credentials and WeChat's API are timebank.wechat's. */
    interface WeChat {
        /**
         * The template id of each kind; a kind without a template is not sent through WeChat.
         * Each kind its own key, so that an environment variable names it unambiguously
         * ({@code TIMEBANK_NOTICE_WECHAT_TEMPLATES_CLAIM_APPROVED}).
         */
        PerKind templates();

        /**
         * Per kind, how the notice's values fill the template's fields: {@code thing1=reason,number2=points}.
         * Unset, the values go under their own names.
         */
        PerKind fields();

        /** Templates that may be accepted for good ("always"): WeChat's long-term subscriptions. */
        Optional<Set<String>> longTermTemplates();

        /** The mini-program page a message opens; the notice's dedup id is added as {@code ?notice=}. */
        @WithDefault("pages/index/index")
        String page();

        /** formal, trial or developer: which version of the mini-program the message opens. */
        @WithDefault("formal")
        String miniprogramState();
    }

    /** A setting for each kind of notice. */
    interface PerKind {
        Optional<String> claimApproved();

        Optional<String> claimRejected();

        Optional<String> redemptionRefunded();

        Optional<String> pointsExpiring();

        Optional<String> serviceRequestAccepted();

        Optional<String> serviceRequestCompleted();
    }

    /** The kind's setting. */
    static Optional<String> of(PerKind settings, NoticeKind kind) {
        return switch (kind) {
            case CLAIM_APPROVED -> settings.claimApproved();
            case CLAIM_REJECTED -> settings.claimRejected();
            case REDEMPTION_REFUNDED -> settings.redemptionRefunded();
            case POINTS_EXPIRING -> settings.pointsExpiring();
            case SERVICE_REQUEST_ACCEPTED -> settings.serviceRequestAccepted();
            case SERVICE_REQUEST_COMPLETED -> settings.serviceRequestCompleted();
        };
    }
}
