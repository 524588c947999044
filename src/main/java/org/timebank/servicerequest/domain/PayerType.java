package org.timebank.servicerequest.domain;

/** Whose stored hours pay: the requester's own, a linked family member's, or the community's pool (staff only). */
public enum PayerType { SELF, FAMILY, COMMUNITY_POOL }
