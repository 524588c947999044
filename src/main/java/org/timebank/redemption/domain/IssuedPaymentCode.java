package org.timebank.redemption.domain;

import java.time.OffsetDateTime;

/** A payment code as issued: shown once to the volunteer, its keyed hash kept until it is used or expires. */
public record IssuedPaymentCode(String code, OffsetDateTime expiresAt) {}
