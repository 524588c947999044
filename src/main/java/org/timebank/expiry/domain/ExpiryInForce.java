package org.timebank.expiry.domain;

/**
 * The points expiry rule in force at a region: its own, or the nearest ancestor's
 * ({@code inheritedFrom}); {@code months} is null, and points never expire, when no region on
 * the path has one.
 */
public record ExpiryInForce(long regionId, Integer months, Long inheritedFrom) {}
