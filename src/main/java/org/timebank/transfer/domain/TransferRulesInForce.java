package org.timebank.transfer.domain;

/**
 * The transfer rules in force for a region; {@code inheritedFrom} is the region whose rule applies
 * (the region itself or the nearest above it with rules), null when none does: then hours cannot be
 * gifted. {@code hoursGiftsFamilyOnly}: hours go only to confirmed family members of the giver.
 */
public record TransferRulesInForce(long regionId, boolean hoursGiftsAllowed, boolean hoursGiftsFamilyOnly,
                                   Long inheritedFrom) {}
