package io.tributary.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tributary.server.db.TokenScope;
import java.util.List;

/**
 * {@code GET /api/v1/me}: who the token is, what it may do, and its workspace's plan usage, so a
 * client (the console) can show what the caller may create before it asks.
 *
 * @param actor how the audit log names the caller: {@code admin} or {@code token:<id>}
 * @param scope what the token may do
 * @param workspace the token's workspace; null for the server's admin token
 * @param plan the workspace's plan and how much of it is used; null for the admin token
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(String actor, TokenScope scope, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) WorkspaceView workspace,
                          @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) PlanUsage plan) {

    /**
     * @param maxDataSourcesTotal the most data sources of every type together; null for no cap
     * @param dataSources the workspace's data sources of every type
     * @param types per installed connector type: its cap (null when only the total caps it) and count
     */
    @Schema(name = "PlanUsage")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PlanUsage(String name, @Schema(nullable = true) Integer maxDataSourcesTotal, int dataSources, List<TypeUsage> types) {
    }

    /** @param canCreate whether one more data source of this type fits the plan now */
    @Schema(name = "PlanTypeUsage")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TypeUsage(String type, @Schema(nullable = true) Integer maxDataSources, int dataSources, boolean canCreate) {
    }
}
