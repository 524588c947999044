package org.timebank.volunteer.domain;

import org.timebank.expiry.domain.PointsExpiry.NextExpiry;
import org.timebank.ledger.domain.Balance;

/**
 * A volunteer's wallets, what they owe in each asset (the debits of the debt account not yet
 * repaid), the points that expire next ({@code null} when no rule applies or nothing is unspent)
 * and their star level.
 */
public record VolunteerBalance(long volunteerId, Balance hours, long owedMinutes, Balance points, long owedPoints,
                               NextExpiry nextExpiry, StarLevels.Standing starLevel) {}
