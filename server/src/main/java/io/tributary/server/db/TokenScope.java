package io.tributary.server.db;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a workspace token may do; written and read in JSON as {@code admin} or {@code read}. */
public enum TokenScope {
    /** Everything in its workspace. */
    ADMIN,
    /** Read blocks, their events and history: for the apps that display widgets. */
    READ;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope a stored id names. */
    public static TokenScope of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
