package org.timebank.volunteer.domain;

import java.util.Objects;

/**
 * A volunteer to register in the community {@code homeCommunityId}, personal numbers as given. Whether
 * they are valid numbers, and the community one the registrar serves, is the service's to answer
 * (with the field named).
 */
public record NewVolunteer(String name, String phone, String idNumber, long homeCommunityId) {
    public NewVolunteer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a volunteer needs a name");
        }
        Objects.requireNonNull(phone, "phone");
        name = name.strip();
    }
}
