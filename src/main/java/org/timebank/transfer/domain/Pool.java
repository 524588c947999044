package org.timebank.transfer.domain;

/** What a community's pool holds and may grant: points, and minutes of hours. */
public record Pool(long communityId, long availablePoints, long availableMinutes) {}
