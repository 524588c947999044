package org.timebank.servicerequest.domain;

import java.time.OffsetDateTime;

/** Staff's approval of a resident's need to be served, where a region asks for one before withdrawals. */
public record NeedApproval(long volunteerId, String approvedBy, OffsetDateTime approvedAt, String reason) {}
