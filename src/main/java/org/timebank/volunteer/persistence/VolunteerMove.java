package org.timebank.volunteer.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One change of a volunteer's home community; the table refuses updates and deletes. */
@Entity
@Table(name = "volunteer_move")
public class VolunteerMove extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "volunteer_id", nullable = false, updatable = false)
    public Long volunteerId;

    @Column(name = "from_community_id", nullable = false, updatable = false)
    public Long fromCommunityId;

    @Column(name = "to_community_id", nullable = false, updatable = false)
    public Long toCommunityId;

    @Column(name = "moved_by", nullable = false, updatable = false)
    public String movedBy;

    @Column(name = "moved_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime movedAt;
}
