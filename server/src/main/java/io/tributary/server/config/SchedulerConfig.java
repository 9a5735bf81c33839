package io.tributary.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The refresh scheduler: Quartz, clustered over the database, so several nodes share the work and
 * a node that dies mid-refresh has its work picked up by another.
 */
public class SchedulerConfig {

    /** Threads running refreshes on this node. */
    @JsonProperty
    @Min(1)
    @Max(64)
    private int threads = 4;

    /** How often a node tells the cluster it is alive; a node silent for about twice this is taken as dead. */
    @JsonProperty
    @Min(1000)
    @Max(60000)
    private long checkinIntervalMillis = 7500;

    /** How often to look for data sources whose cadence has passed. */
    @JsonProperty
    @Min(1)
    @Max(3600)
    private int dueCheckIntervalSeconds = 60;

    /**
     * How long a webhook's refresh waits after the latest event of a burst, so a burst makes one
     * refresh per binding.
     */
    @JsonProperty
    @Min(0)
    @Max(60000)
    private long webhookDebounceMillis = 1000;

    /** The longest a webhook's refresh waits after the first event, however long the burst goes on. */
    @JsonProperty
    @Min(0)
    @Max(600000)
    private long webhookMaxWaitMillis = 5000;

    public long webhookDebounceMillis() {
        return webhookDebounceMillis;
    }

    public long webhookMaxWaitMillis() {
        return Math.max(webhookMaxWaitMillis, webhookDebounceMillis);
    }

    public int threads() {
        return threads;
    }

    public long checkinIntervalMillis() {
        return checkinIntervalMillis;
    }

    public int dueCheckIntervalSeconds() {
        return dueCheckIntervalSeconds;
    }
}
