package org.timebank.servicerequest.domain;

import java.util.List;

/**
 * The service rules in force for a region: its own, or the nearest region's above it
 * ({@code inheritedFrom}, null when none is set and the defaults apply). Eligibility: the payer holds
 * at least {@code minStoredMinutes} (null: no minimum); with {@code approvedNeedRequired} only a
 * requester whose need staff approved may ask.
 */
public record ServiceRulesInForce(long regionId, Settlement settlement, List<String> categories, Long minStoredMinutes,
                                  boolean approvedNeedRequired, Long inheritedFrom) {
    public ServiceRulesInForce {
        categories = List.copyOf(categories);
    }

    public boolean offers(String category) {
        return categories.contains(category);
    }
}
