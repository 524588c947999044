package org.timebank.region.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.timebank.region.domain.RegionLevel;
import org.timebank.region.domain.RegionRef;

/**
 * Regions never move and are never deleted, so they are kept in Hibernate's second-level cache:
 * the scope check on every request finds its path without a query.
 */
@Entity
@Cacheable
@Table(name = "region")
public class Region extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "parent_id")
    public Long parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegionLevel level;

    @Column(nullable = false)
    public String name;

    public String code;

    /** Ancestor ids, root first, ending with this region's own id (set by the database). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, insertable = false, updatable = false)
    public Long[] path;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public RegionRef ref() {
        return new RegionRef(id, name, level, parentId, code, path == null ? List.of() : List.of(path), createdAt);
    }
}
