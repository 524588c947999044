package org.timebank.ledger.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.ledger.domain.OpeningBalancesImported;

public final class LedgerRequests {
    private LedgerRequests() {}

    public enum Direction { CREDIT, DEBIT }

    @Schema(name = "CreateAdjustment", description = "A manual credit or debit of one account, against the system adjustment account")
    public record CreateAdjustment(
            @NotNull @Positive @Schema(example = "12") Long accountId,
            @NotNull @Schema(example = "CREDIT") Direction direction,
            @NotNull @Positive @Max(1_000_000_000L)
            @Schema(description = "whole minutes (HOURS account) or whole points (POINTS account)", example = "30")
            Long amount,
            @NotBlank @Size(max = 500) @Schema(example = "paper passbook entry of 2024-05-02 missed in migration")
            String reason) {}

    @Schema(name = "CreateReversal")
    public record CreateReversal(
            @NotBlank @Size(max = 500) @Schema(example = "adjustment entered on the wrong account") String reason) {}

    @Schema(name = "ImportResult")
    public record ImportResult(
            @Schema(example = "3") long importId,
            @Schema(example = "2") int lines,
            @Schema(description = "minutes imported to HOURS accounts", example = "750") long hoursMinutes,
            @Schema(description = "points imported to POINTS accounts", example = "120") long points) {

        public static ImportResult of(OpeningBalancesImported imported) {
            return new ImportResult(imported.importId(), imported.lines(), imported.hoursMinutes(), imported.points());
        }
    }
}
