package org.timebank.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccountFlagsTest {

    @Test
    void an_account_is_limited_in_one_direction_at_most() {
        assertThrows(IllegalArgumentException.class, () -> new AccountFlags(true, true));
    }

    @Test
    void only_a_limited_account_is_checked() {
        assertFalse(AccountFlags.NONE.checked());
        assertTrue(AccountFlags.NO_OVERDRAFT.checked());
        assertTrue(new AccountFlags(false, true).checked());
    }

    @Test
    void no_overdraft_means_debits_must_not_exceed_credits() {
        assertTrue(AccountFlags.NO_OVERDRAFT.debitsMustNotExceedCredits());
        assertFalse(AccountFlags.NO_OVERDRAFT.creditsMustNotExceedDebits());
    }

    @Test
    void only_volunteer_wallets_may_not_be_overdrawn() {
        assertEquals(AccountFlags.NO_OVERDRAFT, AccountPurpose.VOLUNTEER_WALLET.flags());
        assertEquals(AccountFlags.NONE, AccountPurpose.COMMUNITY_ISSUANCE.flags());
        assertEquals(AccountFlags.NONE, AccountPurpose.OPENING_BALANCE.flags());
        assertEquals(AccountFlags.NONE, AccountPurpose.ADJUSTMENT.flags());
    }
}
