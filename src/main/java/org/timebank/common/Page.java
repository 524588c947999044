package org.timebank.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; pass {@code nextCursor} back as {@code cursor} for the next one. */
public record Page<T>(
        List<T> items,
        @Schema(description = "opaque cursor of the next page; null on the last page", nullable = true)
        String nextCursor) {

    /** The same page, its items mapped (a service's results to the API's views). */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
