package org.timebank.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.timebank.common.ApiException;
import org.timebank.common.Roles;
import org.timebank.me.domain.Me;
import org.timebank.redemption.ShopService;
import org.timebank.redemption.domain.ShopRef;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionRef;
import org.timebank.security.Caller;
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
    public Me of(Caller caller) {
        String subject = caller.subject();
        List<String> roles = Roles.ALL.stream().filter(caller::is).toList();
        Me.Volunteer volunteer = null;
        if (caller.is(Roles.VOLUNTEER)) {
            Long id = caller.volunteerId();
            VolunteerRef v = id == null ? null : volunteers.find(id).orElse(null);
            if (v == null) {
                throw new ApiException(401, "CALLER_VOLUNTEER_UNKNOWN", subject);
            }
            volunteer = new Me.Volunteer(v, regions.require(v.homeCommunityId()), volunteers.balance(caller, v.id()));
        }
        List<RegionRef> staffRegions = caller.is(Roles.STAFF) ? regions.existing(caller.regions()) : null;
        ShopRef shop = null;
        if (caller.is(Roles.SHOP)) {
            Long id = caller.shopId();
            shop = id == null ? null : shops.find(id).orElse(null);
            if (shop == null) {
                throw new ApiException(401, "CALLER_SHOP_UNKNOWN");
            }
        }
        return new Me(subject, roles, volunteer, staffRegions, shop);
    }
}
