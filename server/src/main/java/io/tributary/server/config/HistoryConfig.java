package io.tributary.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Blocks' value history: how long points are kept (compacted to hourly after 7 days, daily after 90). */
public class HistoryConfig {

    /** Days a block's history is kept. */
    @JsonProperty
    @Min(8)
    @Max(3650)
    private int retentionDays = 400;

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }
}
