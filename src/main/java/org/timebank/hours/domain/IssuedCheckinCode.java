package org.timebank.hours.domain;

import java.time.Instant;

/** A check-in code as issued: shown once, its keyed hash kept until it expires. */
public record IssuedCheckinCode(String code, Instant expiresAt) {}
