package io.tributary.server.db;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.enums.DatabaseValue;

/** How a mirrored stream is kept current; stored and shown in lower case. */
public enum StreamMode {
    /** Read whole once, then kept current by changes and by the objects created since the last sync. */
    @DatabaseValue("incremental") INCREMENTAL,
    /** Read whole on every sync. */
    @DatabaseValue("full_refresh") FULL_REFRESH,
    /** Never read: its records arrive in webhook deliveries, and are kept for the connector's retention. */
    @DatabaseValue("pushed") PUSHED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a request names by its id, if any. */
    public static Optional<StreamMode> of(String id) {
        for (StreamMode mode : values()) {
            if (mode.id().equals(id)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
