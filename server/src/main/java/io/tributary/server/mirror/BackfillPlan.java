package io.tributary.server.mirror;

import io.tributary.connector.spi.CreatedWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Splits a backfill's creation-time range into windows of equal length, to be read in parallel. */
final class BackfillPlan {

    private BackfillPlan() {
    }

    /**
     * @param from the start date: only objects created on or after it
     * @param until the backfill's "now"
     * @param windows how many windows, at least 1
     */
    static List<CreatedWindow> windows(Instant from, Instant until, int windows) {
        if (!from.isBefore(until)) {
            return List.of();
        }
        long total = Duration.between(from, until).getSeconds();
        int count = (int) Math.max(1, Math.min(windows, total));
        List<CreatedWindow> plan = new ArrayList<>();
        Instant start = from;
        for (int i = 1; i <= count; i++) {
            Instant end = i == count ? until : from.plusSeconds(total * i / count);
            plan.add(new CreatedWindow(start, end));
            start = end;
        }
        return plan;
    }
}
