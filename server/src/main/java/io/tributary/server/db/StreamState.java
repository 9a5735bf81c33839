package io.tributary.server.db;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jdbi.v3.core.enums.DatabaseValue;

/** Where a mirrored stream's sync stands; stored and shown in lower case. */
public enum StreamState {
    /** A full read is planned or running (or waits to resume after a failure). */
    @DatabaseValue("backfilling") BACKFILLING,
    /** Read up to its last sync. */
    @DatabaseValue("synced") SYNCED,
    /** The last sync stopped on an error; the next one tries again. */
    @DatabaseValue("failed") FAILED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
