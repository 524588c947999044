package org.timebank.redemption.domain;

/**
 * The minimum of confirmed service in force at a region: its own row or the nearest ancestor's
 * ({@code inheritedFrom}, null when no region on the path has one); {@code minMinutes} is null
 * when there is no minimum.
 */
public record RedemptionRuleInForce(long regionId, Long minMinutes, Long inheritedFrom) {}
