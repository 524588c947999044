package org.timebank.volunteer.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.timebank.volunteer.domain.VolunteerRef;

@Entity
@Table(name = "volunteer")
public class Volunteer extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "home_community_id", nullable = false)
    public Long homeCommunityId;

    @Column(nullable = false)
    public String name;

    @Column(name = "phone_cipher", nullable = false)
    public byte[] phoneCipher;

    @Column(name = "phone_hash", nullable = false)
    public byte[] phoneHash;

    @Column(name = "id_number_cipher")
    public byte[] idNumberCipher;

    @Column(name = "id_number_hash")
    public byte[] idNumberHash;

    /** Opted out of public leaderboards. */
    @Column(name = "leaderboard_hidden", nullable = false)
    public boolean leaderboardHidden;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public VolunteerRef ref() {
        return new VolunteerRef(id, name, homeCommunityId, leaderboardHidden);
    }
}
