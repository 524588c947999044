package org.timebank.volunteer.domain;

/**
 * A move of a volunteer's home to the community {@code toCommunityId}; {@code phone}, when given,
 * must be the volunteer's (staff serving only the new community must give it).
 */
public record HomeMove(long toCommunityId, String phone) {
    public HomeMove {
        if (toCommunityId <= 0) {
            throw new IllegalArgumentException("no such community: " + toCommunityId);
        }
    }
}
