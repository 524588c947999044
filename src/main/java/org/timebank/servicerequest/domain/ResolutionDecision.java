package org.timebank.servicerequest.domain;

/** Staff's word on a disputed or escalated request: post the hold in full, in part, or release it. */
public enum ResolutionDecision { POST_FULL, POST_PART, VOID }
