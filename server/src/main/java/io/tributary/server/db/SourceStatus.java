package io.tributary.server.db;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jdbi.v3.core.enums.DatabaseValue;

/** Whether a data source runs: stored and shown in lower case, as the table's check constraint requires. */
public enum SourceStatus {
    /** Refreshed and synced on schedule. */
    @DatabaseValue("active") ACTIVE,
    /** Its credentials were rejected or do not decrypt: it waits, untouched, for new ones. */
    @DatabaseValue("error") ERROR;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
