package org.timebank.volunteer.domain;

/**
 * A volunteer's home community changed. Raised inside the move's transaction, so that what other
 * features derive from the home (the leaderboards) follows in the same commit.
 */
public record VolunteerMoved(long volunteerId, long fromCommunityId, long toCommunityId) {}
