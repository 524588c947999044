package org.timebank.family.domain;

public enum FamilyLinkStatus { PENDING, CONFIRMED, REMOVED }
