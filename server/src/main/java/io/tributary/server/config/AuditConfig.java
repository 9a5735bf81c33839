package io.tributary.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

/**
 * The audit log's anchors: every chain's sealed head is written outside the database, on a
 * schedule and at shutdown, so a chain rolled back to an older head or deleted whole is caught.
 * Keep the file where a database administrator cannot rewrite it (another disk, a backup, a
 * log shipper); each node writes its own, or all share one.
 */
public class AuditConfig {

    /** The append-only anchor file ({@code TRIBUTARY_AUDIT_ANCHOR_FILE}). */
    @JsonProperty
    @NotEmpty
    private String anchorFile = "./data/audit-anchors.jsonl";

    /** Minutes between anchors. */
    @JsonProperty
    @Min(1)
    @Max(1440)
    private int anchorIntervalMinutes = 60;

    public String anchorFile() {
        return anchorFile;
    }

    public int anchorIntervalMinutes() {
        return anchorIntervalMinutes;
    }
}
