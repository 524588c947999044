package org.timebank.hours.domain;

/**
 * Service given through a request for stored hours, approved on its confirmation: the provider's
 * claim and its APPROVAL transaction, and what it credited.
 */
public record ServedHours(long claimId, long transactionId, long creditedMinutes, long points) {}
