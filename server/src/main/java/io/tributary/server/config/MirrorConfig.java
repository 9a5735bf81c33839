package io.tributary.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The mirror: how backfills read. The provider's rate limiter (shared by everything that reads the
 * account) keeps the pace; these settings only decide how many requests may be in flight, which
 * must be high enough to reach the limit when each request takes a while (at 300 ms a request, 30
 * in flight make 100 a second).
 */
public class MirrorConfig {

    /** Pages of one stream's backfill read at once. */
    @JsonProperty
    @Min(1)
    @Max(128)
    private int readers = 32;

    /** Creation-time windows a backfill starts with; windows with more to read are split as readers free up. */
    @JsonProperty
    @Min(1)
    @Max(256)
    private int windows = 16;

    /** Objects asked for per page. */
    @JsonProperty
    @Min(1)
    @Max(1000)
    private int pageSize = 100;

    /**
     * How long one sync may read before it hands its scheduler thread back (and asks for another
     * sync at once), so refreshes of other sources never wait hours behind a large backfill.
     */
    @JsonProperty
    @Min(1)
    @Max(3600)
    private int sliceSeconds = 300;

    public int sliceSeconds() {
        return sliceSeconds;
    }

    public int readers() {
        return readers;
    }

    public int windows() {
        return windows;
    }

    public int pageSize() {
        return pageSize;
    }
}
