package org.timebank.region.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.region.domain.NewRegion;
import org.timebank.region.domain.RegionLevel;

@Schema(name = "CreateRegion", description = "A region one level below its parent (a city has no parent)")
public record CreateRegion(
        @NotBlank @Size(max = 100) @Schema(example = "百步亭社区") String name,
        @NotNull @Schema(example = "COMMUNITY") RegionLevel level,
        @Positive @Schema(description = "the parent region; absent for a city", example = "3") Long parentId,
        @Pattern(regexp = "[0-9A-Za-z-]{1,32}") @Schema(description = "optional administrative code, unique",
                example = "420102001001") String code) {

    public NewRegion command() {
        return new NewRegion(name, level, parentId, code);
    }
}
