package io.tributary.server.db;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jdbi.v3.core.enums.DatabaseValue;

/** What a workspace token may do; stored, written and read in JSON as {@code admin} or {@code read}. */
public enum TokenScope {
    /** Everything in its workspace. */
    @DatabaseValue("admin") ADMIN,
    /** Read blocks, their events and history: for the apps that display widgets. */
    @DatabaseValue("read") READ;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
