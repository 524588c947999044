package org.timebank.volunteer.domain;

import java.time.OffsetDateTime;
import org.timebank.ledger.domain.Wallets;

/** A volunteer as they, and the staff serving them, see them: personal numbers only ever masked. */
public record VolunteerProfile(long id, String name, String phoneMasked, String idNumberMasked, long homeCommunityId,
                               Wallets wallets, boolean shownOnBoards, OffsetDateTime createdAt) {}
