package org.timebank.ledger.domain;

/**
 * An account's four columns, as TigerBeetle keeps them. Pending credits never count as available.
 */
public record Balance(long debitsPosted, long creditsPosted, long debitsPending, long creditsPending) {
    public static final Balance ZERO = new Balance(0, 0, 0, 0);

    /** credits posted minus debits posted. */
    public long posted() {
        return creditsPosted - debitsPosted;
    }

    /** What may still be spent: posted, less what pending holds reserve. */
    public long available() {
        return creditsPosted - debitsPosted - debitsPending;
    }

    public Balance plus(Balance o) {
        return new Balance(Math.addExact(debitsPosted, o.debitsPosted), Math.addExact(creditsPosted, o.creditsPosted),
                Math.addExact(debitsPending, o.debitsPending), Math.addExact(creditsPending, o.creditsPending));
    }

    /** The movement one posting makes on its account's columns. */
    public static Balance of(Posting p) {
        long a = Math.abs(p.amount());
        return switch (p.phase()) {
            case POSTED -> p.isDebit() ? new Balance(a, 0, 0, 0) : new Balance(0, a, 0, 0);
            case PENDING -> p.isDebit() ? new Balance(0, 0, a, 0) : new Balance(0, 0, 0, a);
            case RELEASED -> p.isDebit() ? new Balance(0, 0, -a, 0) : new Balance(0, 0, 0, -a);
        };
    }

    /** Whether these columns respect the account's flags (the rule the database CHECK also enforces). */
    public boolean respects(AccountFlags flags) {
        if (flags.debitsMustNotExceedCredits() && debitsPosted + debitsPending > creditsPosted) {
            return false;
        }
        return !flags.creditsMustNotExceedDebits() || creditsPosted + creditsPending <= debitsPosted;
    }
}
