package io.tributary.connector.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open range of creation times, {@code [from, until)}, so the host can read one stream in
 * several windows at once and resume a backfill window by window.
 *
 * @param from the earliest creation time included
 * @param until the first creation time excluded
 */
public record CreatedWindow(Instant from, Instant until) {

    /** Checks that the window is not empty. */
    public CreatedWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("A creation window must end after it starts: " + from + " .. " + until);
        }
    }

    /**
     * Whether an instant falls inside.
     *
     * @param instant a creation time
     * @return true when {@code from <= instant < until}
     */
    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(until);
    }
}
