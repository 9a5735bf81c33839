package io.tributary.server.core;

import io.tributary.server.config.PlanConfig;
import io.tributary.server.errors.ApiException;
import java.util.Map;
import java.util.Optional;

/** The plans a deployment defines, and what each allows. */
public final class Plans {

    public static final String DEFAULT_PLAN = "free";

    private final Map<String, PlanConfig> plans;

    public Plans(Map<String, PlanConfig> plans) {
        this.plans = Map.copyOf(plans);
    }

    /** The plan's name, checked; the default plan when none is given. */
    public String require(String plan) {
        String name = plan == null || plan.isBlank() ? DEFAULT_PLAN : plan.trim();
        if (!plans.containsKey(name)) {
            throw ApiException.invalid("plan", "Unknown plan '" + name + "'; this server offers " + String.join(", ", plans.keySet()));
        }
        return name;
    }

    /** The most data sources of a type the plan allows, or empty for no cap. */
    public Optional<Integer> maxDataSources(String plan, String type) {
        PlanConfig config = plans.get(plan);
        return config == null ? Optional.of(0) : config.maxDataSources(type);
    }

    /** Refuses a creation that would exceed the plan; {@code existing} counted under the workspace's lock. */
    public void checkDataSourceAllowed(String plan, String type, int existing) {
        maxDataSources(plan, type).filter(max -> existing >= max).ifPresent(max -> {
            throw new ApiException(402, "plan_limit_exceeded", "The " + plan + " plan allows " + max + " " + type
                    + " data source" + (max == 1 ? "" : "s") + "; upgrade the workspace's plan to add more", "type");
        });
    }
}
