package org.timebank.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of a problem's {@code errors}: a field (or a line of an upload) and what is wrong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProblemError")
public record ProblemError(
        @Schema(description = "the JSON field or parameter at fault", example = "phone") String field,
        @Schema(description = "the line of an uploaded file at fault (1 = the header)", example = "3") Integer line,
        @Schema(description = "a stable machine code", example = "INVALID_AMOUNT") String code,
        @Schema(description = "what is wrong, in the caller's language") String detail) {

    public static ProblemError field(String field, String code, String detail) {
        return new ProblemError(field, null, code, detail);
    }

    public static ProblemError line(int line, String code, String detail) {
        return new ProblemError(null, line, code, detail);
    }
}
