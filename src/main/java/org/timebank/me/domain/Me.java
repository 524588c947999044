package org.timebank.me.domain;

import java.util.List;
import org.timebank.redemption.domain.ShopRef;
import org.timebank.region.domain.RegionRef;
import org.timebank.volunteer.domain.VolunteerBalance;
import org.timebank.volunteer.domain.VolunteerRef;

/**
 * Who the caller is: the token's subject and the groups this service knows, each part present
 * ({@code null} otherwise) when the groups call for it.
 */
public record Me(String subject, List<String> roles, Volunteer volunteer, List<RegionRef> staffRegions, ShopRef shop) {
    /** A volunteer caller: who they are, where they live, their balance. */
    public record Volunteer(VolunteerRef volunteer, RegionRef homeCommunity, VolunteerBalance balance) {}
}
