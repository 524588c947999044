package org.timebank.ledger.domain;

/** One good line of an opening-balance import, resolved to its account. */
public record Opening(int line, long accountId, Asset asset, long amount, String reference) {}
