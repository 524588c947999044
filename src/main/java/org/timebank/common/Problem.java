package org.timebank.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document with a stable {@code code}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details, media type application/problem+json")
public record Problem(
        @Schema(example = "urn:timebank:problem:INSUFFICIENT_POINTS") String type,
        @Schema(example = "Unprocessable Content") String title,
        @Schema(example = "422") int status,
        @Schema(description = "stable machine code; clients branch on this", example = "INSUFFICIENT_POINTS") String code,
        @Schema(description = "human explanation in the caller's Accept-Language (zh-CN default, en)",
                example = "账户 12 的积分余额不足") String detail,
        @Schema(example = "/api/v1/ledger/adjustments") String instance,
        List<ProblemError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
