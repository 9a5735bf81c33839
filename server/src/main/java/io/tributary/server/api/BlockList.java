package io.tributary.server.api;

import java.util.List;

/** {@code GET /api/v1/blocks}: the caller's workspace's blocks. */
public record BlockList(List<BlockView> blocks) {
}
