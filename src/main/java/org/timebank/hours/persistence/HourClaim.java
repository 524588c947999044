package org.timebank.hours.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.timebank.hours.domain.ClaimReview.Status;

@Entity
@Table(name = "hour_claim")
public class HourClaim extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "volunteer_id", nullable = false)
    public Long volunteerId;
    @Column(name = "community_id", nullable = false)
    public Long communityId;
    @Column(name = "activity_id")
    public Long activityId;
    @Column(nullable = false)
    public String category;
    public String description;
    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;
    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;
    @Column(nullable = false)
    public Integer minutes;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.PENDING;
    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;
    @Column(name = "submitted_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime submittedAt;
    @Column(name = "first_reviewer")
    public String firstReviewer;
    @Column(name = "first_reviewed_at")
    public OffsetDateTime firstReviewedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    public String reason;
    @Column(name = "rule_set_id")
    public Integer ruleSetId;
    @Column(name = "credited_minutes")
    public Long creditedMinutes;
    public Long points;
    @Column(name = "transaction_id")
    public Long transactionId;
    @Column(name = "reversal_id")
    public Long reversalId;

    public boolean isLive() {
        return status == Status.PENDING || status == Status.AWAITING_SECOND_REVIEW || status == Status.APPROVED;
    }
}
