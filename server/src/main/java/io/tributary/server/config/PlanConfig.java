package io.tributary.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * What a plan allows. {@code maxDataSources} caps data sources per connector type; a type not
 * listed is not capped.
 */
public class PlanConfig {

    @JsonProperty
    private Map<String, Integer> maxDataSources = Map.of();

    public PlanConfig() {
    }

    public PlanConfig(Map<String, Integer> maxDataSources) {
        this.maxDataSources = Map.copyOf(maxDataSources);
    }

    /** The most data sources of a connector type, or empty for no cap. */
    public Optional<Integer> maxDataSources(String type) {
        return Optional.ofNullable(maxDataSources == null ? null : maxDataSources.get(type));
    }
}
