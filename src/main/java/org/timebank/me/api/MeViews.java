package org.timebank.me.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.me.domain.Me;
import org.timebank.redemption.api.RedemptionViews.ShopView;
import org.timebank.region.api.RegionView;
import org.timebank.volunteer.api.VolunteerViews.BalanceView;

public final class MeViews {
    private MeViews() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Me", description = "Who the caller is. Each part is present when the token's groups call for it.")
    public record MeView(
            @Schema(description = "the token's subject", example = "1001", required = true) String subject,
            @Schema(description = "the token's groups that this service knows, in this order: volunteer, staff, "
                    + "shop, admin", example = "[\"volunteer\"]", required = true) List<String> roles,
            @Schema(description = "for a volunteer: who they are, where they live, their balance") MeVolunteer volunteer,
            @Schema(description = "for staff: the regions they serve (each with its subtree), by id; ids in the token "
                    + "that name no region are left out") List<RegionView> staffRegions,
            @Schema(description = "for a shop operator: the shop they operate") ShopView shop) {
        public static MeView of(Me me) {
            return new MeView(me.subject(), me.roles(), me.volunteer() == null ? null : MeVolunteer.of(me.volunteer()),
                    me.staffRegions() == null ? null : me.staffRegions().stream().map(RegionView::of).toList(),
                    me.shop() == null ? null : ShopView.of(me.shop()));
        }
    }

    @Schema(name = "MeVolunteer")
    public record MeVolunteer(
            @Schema(example = "1001") long id,
            @Schema(description = "their own name, in full", example = "张晓明") String name,
            RegionView homeCommunity,
            @Schema(description = "as GET /volunteers/{id}/balance gives it") BalanceView balance,
            @Schema(description = "false when they opted out of public leaderboards") boolean shownOnBoards) {
        static MeVolunteer of(Me.Volunteer v) {
            return new MeVolunteer(v.volunteer().id(), v.volunteer().name(), RegionView.of(v.homeCommunity()),
                    BalanceView.of(v.balance()), !v.volunteer().leaderboardHidden());
        }
    }
}
