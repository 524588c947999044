package org.timebank.region.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.common.Times;
import org.timebank.region.domain.RegionLevel;
import org.timebank.region.domain.RegionRef;

@Schema(name = "Region")
public record RegionView(
        @Schema(example = "4") long id,
        @Schema(example = "百步亭社区") String name,
        @Schema(example = "COMMUNITY") RegionLevel level,
        @Schema(example = "3", nullable = true) Long parentId,
        @Schema(example = "420102001001", nullable = true) String code,
        @Schema(description = "ancestor ids from the city down, ending with this region", example = "[1, 2, 3, 4]")
        List<Long> path,
        OffsetDateTime createdAt) {

    public static RegionView of(RegionRef r) {
        return new RegionView(r.id(), r.name(), r.level(), r.parentId(), r.code(), r.pathIds(), Times.local(r.createdAt()));
    }
}
