package org.timebank.volunteer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.common.Times;
import org.timebank.expiry.domain.PointsExpiry;
import org.timebank.ledger.api.Views.PostingView;
import org.timebank.ledger.domain.Balance;
import org.timebank.ledger.domain.HistoryEntry;
import org.timebank.volunteer.domain.HomeMove;
import org.timebank.volunteer.domain.NewVolunteer;
import org.timebank.volunteer.domain.StarLevels;
import org.timebank.volunteer.domain.VolunteerBalance;
import org.timebank.volunteer.domain.VolunteerProfile;
import org.timebank.volunteer.domain.VolunteerSearch;
import org.timebank.volunteer.persistence.VolunteerMove;

public final class VolunteerViews {
    private VolunteerViews() {}

    @Schema(name = "CreateVolunteer")
    public record CreateVolunteer(
            @NotBlank @Size(max = 50) @Schema(example = "张晓明") String name,
            @NotBlank @Size(max = 20) @Schema(description = "mainland mobile number", example = "13812345678") String phone,
            @Size(max = 18) @Schema(description = "18-character resident ID number (optional)", example = "11010519491231002X")
            String idNumber,
            @NotNull @Positive @Schema(description = "the volunteer's home community", example = "4") Long homeCommunityId) {
        public NewVolunteer command() {
            return new NewVolunteer(name, phone, idNumber, homeCommunityId);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "VolunteerSearch", description = "Exactly one of phone and namePrefix. In the body, not the URL: "
            + "personal data stays out of access logs, proxies and browser history.")
    public record SearchVolunteers(
            @Size(max = 20) @Schema(description = "a mainland mobile number, found exactly (by its keyed hash)",
                    example = "13812345678") String phone,
            @Size(max = 50) @Schema(description = "the start of the name, matched exactly (leading and trailing blanks "
                    + "ignored)", example = "张") String namePrefix) {
        public VolunteerSearch command() {
            return new VolunteerSearch(phone, namePrefix);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "VolunteerMoveRequest")
    public record MoveRequest(
            @NotNull @Positive @Schema(description = "the new home community", example = "5") Long toCommunityId,
            @Size(max = 20) @Schema(description = "the volunteer's phone number: required when the caller serves only "
                    + "the new community (the resident gives it at the new community's desk); when given, it must "
                    + "be theirs", example = "13812345678") String phone) {
        public HomeMove command() {
            return new HomeMove(toCommunityId, phone);
        }
    }

    @Schema(name = "VolunteerMove", description = "One change of a volunteer's home community, as audited")
    public record MoveView(
            @Schema(example = "7") long id,
            @Schema(example = "1001") long volunteerId,
            @Schema(example = "4") long fromCommunityId,
            @Schema(example = "5") long toCommunityId,
            @Schema(description = "the subject of whoever moved them", example = "staff-0042") String movedBy,
            OffsetDateTime movedAt) {
        public static MoveView of(VolunteerMove m) {
            return new MoveView(m.id, m.volunteerId, m.fromCommunityId, m.toCommunityId, m.movedBy,
                    Times.local(m.movedAt));
        }
    }

    @Schema(name = "VolunteerAccounts")
    public record AccountIds(@Schema(example = "21") long hours, @Schema(example = "22") long points) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Volunteer", description = "Personal numbers are only ever shown masked")
    public record VolunteerView(
            @Schema(example = "1001") long id,
            @Schema(example = "张晓明") String name,
            @Schema(example = "138****5678") String phoneMasked,
            @Schema(example = "1*************002X") String idNumberMasked,
            @Schema(example = "4") long homeCommunityId,
            AccountIds accounts,
            @Schema(description = "false when the volunteer opted out of public leaderboards") boolean shownOnBoards,
            OffsetDateTime createdAt) {
        public static VolunteerView of(VolunteerProfile v) {
            return new VolunteerView(v.id(), v.name(), v.phoneMasked(), v.idNumberMasked(), v.homeCommunityId(),
                    new AccountIds(v.wallets().hoursAccountId(), v.wallets().pointsAccountId()), v.shownOnBoards(),
                    Times.local(v.createdAt()));
        }
    }

    @Schema(name = "HoursBalance")
    public record HoursBalance(
            @Schema(description = "confirmed service time in minutes", example = "7230") long minutes,
            @Schema(description = "minutes reserved by pending holds", example = "0") long pendingMinutes,
            @Schema(description = "minutes owed after a reversal took back hours already given away; repaid first from new hours", example = "0")
            long owedMinutes) {
        static HoursBalance of(Balance wallet, long owedMinutes) {
            return new HoursBalance(wallet.posted(), wallet.debitsPending(), owedMinutes);
        }
    }

    @Schema(name = "NextPointsExpiry", description = "The oldest points still unspent, and when they expire")
    public record NextExpiry(
            @Schema(description = "the unspent part of the oldest credit that still has some", example = "40") long points,
            @Schema(description = "when they expire, unless spent first (spending takes the oldest points first)")
            OffsetDateTime at) {
        static NextExpiry of(PointsExpiry.NextExpiry n) {
            return n == null ? null : new NextExpiry(n.points(), Times.local(n.at().atOffset(ZoneOffset.UTC)));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PointsBalance")
    public record PointsBalance(
            @Schema(description = "what can be spent now: posted less pending", example = "120") long available,
            @Schema(description = "reserved by pending holds (e.g. a redemption awaiting the till)", example = "30")
            long pending,
            @Schema(description = "credits minus debits posted", example = "150") long posted,
            @Schema(description = "pending credits, not yet spendable", example = "0") long incoming,
            @Schema(description = "points owed after a reversal took back points already spent; repaid first from new points", example = "0")
            long owed,
            @Schema(description = "what expires next and when; absent when no rule applies or nothing is unspent")
            NextExpiry nextExpiry) {
        static PointsBalance of(Balance wallet, long owed, PointsExpiry.NextExpiry nextExpiry) {
            return new PointsBalance(wallet.available(), wallet.debitsPending(), wallet.posted(),
                    wallet.creditsPending(), owed, NextExpiry.of(nextExpiry));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "StarLevel")
    public record StarLevel(
            @Schema(description = "0 to 5", example = "1") int stars,
            @Schema(description = "minutes of confirmed service to the next star; absent at the top", example = "10770")
            Long minutesToNext) {
        static StarLevel of(StarLevels.Standing standing) {
            return new StarLevel(standing.stars(), standing.minutesToNext());
        }
    }

    @Schema(name = "VolunteerBalance")
    public record BalanceView(@Schema(example = "1001") long volunteerId, HoursBalance hours, PointsBalance points,
                              StarLevel starLevel) {
        public static BalanceView of(VolunteerBalance b) {
            return new BalanceView(b.volunteerId(), HoursBalance.of(b.hours(), b.owedMinutes()),
                    PointsBalance.of(b.points(), b.owedPoints(), b.nextExpiry()), StarLevel.of(b.starLevel()));
        }
    }

    @Schema(name = "VolunteerTransaction", description = "One ledger transaction as it touched this volunteer")
    public record HistoryItem(
            @Schema(example = "42") long transactionId,
            @Schema(example = "OPENING_BALANCE") String kind,
            @Schema(example = "IMPORT") String sourceType,
            @Schema(example = "3:2") String sourceId,
            @Schema(example = "passbook 2019 p.12") String memo,
            OffsetDateTime createdAt,
            @Schema(description = "the postings on this volunteer's accounts") List<PostingView> postings) {
        public static HistoryItem of(HistoryEntry h) {
            return new HistoryItem(h.id(), h.kind().name(), h.sourceType(), h.sourceId(), h.memo(),
                    Times.local(h.createdAt()), h.postings().stream().map(PostingView::of).toList());
        }
    }
}
