package io.tributary.server.core;

import io.tributary.server.api.SessionView;
import io.tributary.server.config.PlanConfig;
import io.tributary.server.problems.InvalidInput;
import io.tributary.server.problems.LimitReached;
import java.util.Collection;
import java.util.List;
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
        Optional<LimitReached> refusal = refusal(plan, type, existingOfType, existingTotal);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** Why one more data source of {@code type} would exceed the plan, if it would. */
    private Optional<LimitReached> refusal(String plan, String type, int existingOfType, int existingTotal) {
        PlanConfig config = plans.get(plan);
        if (config == null) {
            // A workspace's plan the configuration no longer defines allows nothing new.
            return Optional.of(refused(plan, 0, ""));
        }
        Optional<Integer> total = config.maxDataSourcesTotal().filter(max -> existingTotal >= max);
        if (total.isPresent()) {
            return Optional.of(refused(plan, total.get(), ""));
        }
        return config.maxDataSources(type).filter(max -> existingOfType >= max).map(max -> refused(plan, max, type + " "));
    }

    /**
     * What the plan allows and what is used, per connector type, and whether one more fits: the
     * caps {@link #checkDataSourceAllowed} enforces, shown before anyone asks.
     *
     * @param countsByType the workspace's data sources per type; types not present count 0
     */
    public SessionView.PlanUsage usage(String plan, Collection<String> types, Map<String, Integer> countsByType) {
        PlanConfig config = plans.get(plan);
        int total = countsByType.values().stream().mapToInt(Integer::intValue).sum();
        Integer maxTotal = config == null ? Integer.valueOf(0) : config.maxDataSourcesTotal().orElse(null);
        List<SessionView.TypeUsage> usage = types.stream().sorted().map(type -> {
            int used = countsByType.getOrDefault(type, 0);
            Integer max = config == null ? Integer.valueOf(0) : config.maxDataSources(type).orElse(null);
            return new SessionView.TypeUsage(type, max, used, refusal(plan, type, used, total).isEmpty());
        }).toList();
        return new SessionView.PlanUsage(plan, maxTotal, total, usage);
    }

    private static LimitReached refused(String plan, int max, String kind) {
        return new LimitReached("type", "The " + plan + " plan allows " + max + " " + kind
                + "data source" + (max == 1 ? "" : "s") + "; upgrade the workspace's plan to add more");
    }
}
