package io.tributary.server.core;

import io.tributary.server.config.PlanConfig;
import io.tributary.server.problems.InvalidInput;
import io.tributary.server.problems.LimitReached;
import java.util.Map;

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
            throw new InvalidInput("plan", "Unknown plan '" + name + "'; this server offers " + String.join(", ", plans.keySet()));
        }
        return name;
    }

    /**
     * Refuses a creation that would exceed the plan, its total cap first, then its cap for the
     * type; the counts are taken under the workspace's lock.
     *
     * @param existingOfType the workspace's data sources of {@code type}
     * @param existingTotal the workspace's data sources of every type
     */
    public void checkDataSourceAllowed(String plan, String type, int existingOfType, int existingTotal) {
        PlanConfig config = plans.get(plan);
        if (config == null) {
            // A workspace's plan the configuration no longer defines allows nothing new.
            throw refused(plan, 0, "");
        }
        config.maxDataSourcesTotal().filter(max -> existingTotal >= max).ifPresent(max -> {
            throw refused(plan, max, "");
        });
        config.maxDataSources(type).filter(max -> existingOfType >= max).ifPresent(max -> {
            throw refused(plan, max, type + " ");
        });
    }

    /**
     * What the plan allows and what is used, per connector type: the same caps
     * {@link #checkDataSourceAllowed} enforces, shown before anyone asks.
     *
     * @param countsByType the workspace's data sources per type; types not present count 0
     */
    public io.tributary.server.api.SessionView.PlanUsage usage(String plan, java.util.Collection<String> types,
                                                               Map<String, Integer> countsByType) {
        PlanConfig config = plans.get(plan);
        int total = countsByType.values().stream().mapToInt(Integer::intValue).sum();
        Integer maxTotal = config == null ? Integer.valueOf(0) : config.maxDataSourcesTotal().orElse(null);
        java.util.List<io.tributary.server.api.SessionView.TypeUsage> usage = types.stream().sorted().map(type -> {
            int used = countsByType.getOrDefault(type, 0);
            Integer max = config == null ? Integer.valueOf(0) : config.maxDataSources(type).orElse(null);
            boolean fits = (maxTotal == null || total < maxTotal) && (max == null || used < max);
            return new io.tributary.server.api.SessionView.TypeUsage(type, max, used, fits);
        }).toList();
        return new io.tributary.server.api.SessionView.PlanUsage(plan, maxTotal, total, usage);
    }

    private static LimitReached refused(String plan, int max, String kind) {
        return new LimitReached("type", "The " + plan + " plan allows " + max + " " + kind
                + "data source" + (max == 1 ? "" : "s") + "; upgrade the workspace's plan to add more");
    }
}
