package io.tributary.server.mirror;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How far a backfill has come, and an estimate of what is left.
 *
 * @param windows how many creation-time windows the backfill is split into now
 * @param windowsDone how many of them are read to the end
 * @param objectsRead objects read so far
 * @param reached the oldest creation time read so far, or null before any
 * @param estimatedRemaining objects estimated to be left, from the density of what was read; null
 *     while nothing was read
 */
public record BackfillProgress(int windows, int windowsDone, long objectsRead, Instant reached, Long estimatedRemaining) {

    /** A window as stored. */
    record WindowState(Instant from, Instant until, boolean done, long objects, Instant reached) {
    }

    /**
     * Estimates from the windows: a window read in part holds as many objects per second in its
     * unread part as in its read part; a window not started holds the average density of all read
     * ranges. Lists run newest first, so a window's read part is {@code [reached, until)}.
     */
    static BackfillProgress estimate(List<WindowState> states) {
        long read = 0;
        double coveredSeconds = 0;
        long coveredObjects = 0;
        int done = 0;
        Instant oldest = null;
        for (WindowState state : states) {
            read += state.objects();
            if (state.done()) {
                done++;
            }
            if (state.reached() != null && (oldest == null || state.reached().isBefore(oldest))) {
                oldest = state.reached();
            }
            if (state.done() || state.reached() != null) {
                Instant readFrom = state.done() ? state.from() : state.reached();
                coveredSeconds += seconds(readFrom, state.until());
                coveredObjects += state.objects();
            }
        }
        if (read == 0 && done == 0) {
            return new BackfillProgress(states.size(), done, 0, null, null);
        }
        double density = coveredSeconds > 0 ? coveredObjects / coveredSeconds : 0;
        double remaining = 0;
        for (WindowState state : states) {
            if (state.done()) {
                continue;
            }
            Instant unreadUntil = state.reached() != null ? state.reached() : state.until();
            double windowDensity = state.reached() != null && seconds(state.reached(), state.until()) > 0
                    ? state.objects() / seconds(state.reached(), state.until()) : density;
            remaining += windowDensity * seconds(state.from(), unreadUntil);
        }
        return new BackfillProgress(states.size(), done, read, oldest, Math.round(remaining));
    }

    private static double seconds(Instant from, Instant until) {
        if (from.equals(Backfill.WHOLE_STREAM)) {
            return 0; // a stream read whole has no time range to measure
        }
        return Math.max(0, Duration.between(from, until).toMillis() / 1000.0);
    }
}
