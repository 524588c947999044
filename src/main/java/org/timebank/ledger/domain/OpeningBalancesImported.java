package org.timebank.ledger.domain;

/** What an import of opening balances wrote: its lines, and the totals per asset. */
public record OpeningBalancesImported(long importId, int lines, long hoursMinutes, long points) {}
