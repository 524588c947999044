package org.timebank.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.timebank.common.ApiException;
import org.timebank.common.Roles;
import org.timebank.me.api.MeViews.MeView;
import org.timebank.me.api.MeViews.MeVolunteer;
import org.timebank.redemption.ShopService;
import org.timebank.redemption.api.RedemptionViews.ShopView;
import org.timebank.region.RegionService;
import org.timebank.region.api.RegionView;
import org.timebank.security.Caller;
import org.timebank.volunteer.api.VolunteerViews.BalanceView;
import org.timebank.volunteer.VolunteerService;
import org.timebank.volunteer.domain.VolunteerRef;

/**
 * Who the caller is, read from the token and filled in from the service's own records. A token
 * that names a volunteer or a shop this service does not have is refused (401), so that a client
 * signs in again rather than working with an identity that leads nowhere.
 */
@ApplicationScoped
public class MeService {
    @Inject
    VolunteerService volunteers;
    @Inject
    RegionService regions;
    @Inject
    ShopService shops;

    @Transactional(Transactional.TxType.SUPPORTS)
    public MeView of(Caller caller) {
        String subject = caller.subject();
        List<String> roles = Roles.ALL.stream().filter(caller::is).toList();
        MeVolunteer volunteer = null;
        if (caller.is(Roles.VOLUNTEER)) {
            Long id = caller.volunteerId();
            VolunteerRef v = id == null ? null : volunteers.find(id).orElse(null);
            if (v == null) {
                throw new ApiException(401, "CALLER_VOLUNTEER_UNKNOWN", subject);
            }
            volunteer = new MeVolunteer(v.id(), v.name(), RegionView.of(regions.require(v.homeCommunityId())),
                    BalanceView.of(volunteers.balance(caller, v.id())), !v.leaderboardHidden());
        }
        List<RegionView> staffRegions = caller.is(Roles.STAFF)
                ? regions.existing(caller.regions()).stream().map(RegionView::of).toList()
                : null;
        ShopView shop = null;
        if (caller.is(Roles.SHOP)) {
            Long id = caller.shopId();
            shop = id == null ? null : shops.find(id).map(ShopView::of).orElse(null);
            if (shop == null) {
                throw new ApiException(401, "CALLER_SHOP_UNKNOWN");
            }
        }
        return new MeView(subject, roles, volunteer, staffRegions, shop);
    }
}
