package org.timebank.region.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A region as other features see it, without its entity: they scope callers by its path and check
 * its level, while {@code region} keeps the table to itself.
 *
 * @param pathIds ancestor ids, root first, ending with this region's own id
 */
public record RegionRef(long id, String name, RegionLevel level, Long parentId, String code, List<Long> pathIds,
                        OffsetDateTime createdAt) {
    public RegionRef {
        pathIds = List.copyOf(pathIds);
    }
}
