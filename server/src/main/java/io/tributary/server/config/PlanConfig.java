package io.tributary.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.Optional;

/**
 * What a plan allows. {@code maxDataSourcesTotal} caps a workspace's data sources of every type
 * together; {@code maxDataSources} caps them per connector type, within the total. A cap not set
 * is no cap.
 */
public class PlanConfig {

    @Min(0)
    @JsonProperty
    private Integer maxDataSourcesTotal;

    @NotNull
    @JsonProperty
    private Map<String, @NotNull @Min(0) Integer> maxDataSources = Map.of();

    public PlanConfig() {
    }

    /**
     * @param maxDataSourcesTotal the most data sources of all types together, or null for no cap
     * @param maxDataSources the most data sources per connector type; a type not listed is capped by the total alone
     */
    public PlanConfig(Integer maxDataSourcesTotal, Map<String, Integer> maxDataSources) {
        this.maxDataSourcesTotal = maxDataSourcesTotal;
        this.maxDataSources = Map.copyOf(maxDataSources);
    }

    /** The most data sources of all types together, or empty for no cap. */
    public Optional<Integer> maxDataSourcesTotal() {
        return Optional.ofNullable(maxDataSourcesTotal);
    }

    /** The most data sources of a connector type, or empty when only the total caps it. */
    public Optional<Integer> maxDataSources(String type) {
        return Optional.ofNullable(maxDataSources == null ? null : maxDataSources.get(type));
    }
}
