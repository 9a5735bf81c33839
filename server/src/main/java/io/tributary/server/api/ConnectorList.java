package io.tributary.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * {@code GET /api/v1/connectors}: the connectors this server runs, and the plugins it skipped as
 * broken ({@code plugins.skipBroken: true}) with the reason, so an operator sees why a connector is
 * missing without reading the log.
 */
public record ConnectorList(List<ConnectorView> connectors, List<Broken> brokenPlugins) {

    /** A plugin left out: its directory's name and what is wrong with it. */
    @Schema(name = "BrokenPlugin")
    public record Broken(String plugin, String reason) {
    }
}
