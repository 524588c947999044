package org.timebank.volunteer.domain;

/**
 * Volunteers to find by their phone number or by the start of their name; that exactly one is given,
 * and valid, is the service's to answer (with the field named).
 */
public record VolunteerSearch(String phone, String namePrefix) {}
