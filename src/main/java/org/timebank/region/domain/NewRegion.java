package org.timebank.region.domain;

import java.util.Objects;

/**
 * A region to create, one level below its parent (a city has none). Whether the parent exists and
 * the level fits under it is the service's to check, as only it can read the tree.
 */
public record NewRegion(String name, RegionLevel level, Long parentId, String code) {
    public NewRegion {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a region needs a name");
        }
        Objects.requireNonNull(level, "level");
        name = name.strip();
    }
}
