package org.timebank.volunteer.domain;

/**
 * A volunteer as other features see it: who they are and where they live, never their personal
 * data, which {@code volunteer} keeps to itself.
 */
public record VolunteerRef(long id, String name, long homeCommunityId, boolean leaderboardHidden) {}
