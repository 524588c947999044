package org.timebank.ledger.domain;

import java.util.Map;
import java.util.Optional;

/**
 * A posting made ready in one round trip: its parties' accounts (the locked ones with their balances
 * as of the lock, which hold until the posting) and the journal transaction id reserved for it, so
 * that the records pointing at the posting can be written with it.
 */
public record Prepared(long transactionId, Map<Party, PartyAccount> accounts) {
    public Prepared {
        accounts = Map.copyOf(accounts);
    }

    /** A party's account and, if it was locked, its balance. */
    public record PartyAccount(long id, Optional<Balance> balance) {}

    /** The party's account id; the party must have been opened or found. */
    public long id(Party party) {
        PartyAccount account = accounts.get(party);
        if (account == null) {
            throw new IllegalArgumentException("no account for " + party);
        }
        return account.id();
    }

    /** The party's account, if it exists (a party not to be opened may not). */
    public Optional<PartyAccount> find(Party party) {
        return Optional.ofNullable(accounts.get(party));
    }

    /** The locked party's balance as of the lock. */
    public Balance balance(Party party) {
        return find(party).flatMap(PartyAccount::balance)
                .orElseThrow(() -> new IllegalArgumentException("not locked: " + party));
    }
}
