package io.tributary.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A page of a dataset's records, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last
 */
public record DatasetRecordPage(List<DatasetRecord> records, @Schema(nullable = true) String nextCursor) {

    /**
     * One mirrored object.
     *
     * @param createdAt the object's creation time, when it has one
     * @param updatedAt when the mirror last learned of a change to it
     * @param deleted whether it was deleted (shown only when asked for)
     * @param data the object as the provider returned it
     */
    public record DatasetRecord(String id,
                                @Schema(nullable = true) Instant createdAt,
                                @Schema(nullable = true) Instant updatedAt,
                                boolean deleted,
                                ObjectNode data) {
    }
}
