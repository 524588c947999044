package org.timebank.servicerequest.domain;

/**
 * Where a payer's hours go, a region rule: BANK consumes them into the community's withdrawn-hours
 * account and the provider earns hours and points as for an approved claim; MUTUAL_AID moves them
 * to the provider's HOURS wallet, as classic time banks do.
 */
public enum Settlement { BANK, MUTUAL_AID }
