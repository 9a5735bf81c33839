package io.tributary.server.db;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jdbi.v3.core.enums.DatabaseValue;

/** Where a query's answer came from; stored and shown in lower case. */
public enum AnsweredFrom {
    /** From the provider, asked at the time. */
    @DatabaseValue("live") LIVE,
    /** From the dataset mirror, caught up first. */
    @DatabaseValue("mirror") MIRROR;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
