package io.tributary.server.api;

import io.tributary.server.db.AnsweredFrom;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/blocks/preview}: what a block would show, nothing saved.
 *
 * @param widget the template and the widget data the projection makes of the answer now
 * @param source where the answer came from: the mirror or the provider, live
 * @param notices what the connector noted about the answer (a truncated page, say)
 * @param at when it was answered, by the server's clock
 */
public record BlockPreview(BlockRequest.Widget widget, AnsweredFrom source, List<String> notices, Instant at) {
}
