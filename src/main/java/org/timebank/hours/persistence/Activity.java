package org.timebank.hours.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "community_id", nullable = false)
    public Long communityId;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String category;
    public String place;
    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;
    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;
    @Column(nullable = false)
    public Integer capacity;
    /** Kept by single UPDATE statements (see ActivityService), never by this entity. */
    @Column(nullable = false, insertable = false, updatable = false)
    public Integer enrolled;
    @Column(name = "points_per_hour", precision = 9, scale = 3)
    public BigDecimal pointsPerHour;
    /** Whether volunteers who did not enroll may be recorded or check in. */
    @Column(name = "walk_ins_welcome", nullable = false)
    public boolean walkInsWelcome;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
