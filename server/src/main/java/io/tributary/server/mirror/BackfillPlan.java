package io.tributary.server.mirror;

import io.tributary.connector.spi.CreatedWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a backfill's creation-time range into windows to be read in parallel. A range of up to
 * {@value #EVEN_UP_TO_DAYS} days (a start date not long ago) is cut evenly; a longer one (no start
 * date: everything since 1970) is cut from now backward into windows that double in length from
 * one day, because an account's objects crowd its recent past and its early years are often empty.
 */
final class BackfillPlan {

    private BackfillPlan() {
    }

    /**
     * @param from the start date: only objects created on or after it
     * @param until the backfill's "now"
     * @param windows how many windows, at least 1
     */
    static final long EVEN_UP_TO_DAYS = 400;
    private static final long DAY = 86_400;

    static List<CreatedWindow> windows(Instant from, Instant until, int windows) {
        if (!from.isBefore(until)) {
            return List.of();
        }
        long total = Duration.between(from, until).getSeconds();
        if (total > EVEN_UP_TO_DAYS * DAY && windows > 1) {
            return doubling(from, until, windows);
        }
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

    /** Windows from {@code until} backward of 1, 2, 4, ... days; the last reaches back to {@code from}. */
    private static List<CreatedWindow> doubling(Instant from, Instant until, int windows) {
        List<CreatedWindow> newestFirst = new ArrayList<>();
        Instant end = until;
        long length = DAY;
        while (newestFirst.size() < windows - 1 && end.minusSeconds(length).isAfter(from)) {
            Instant start = end.minusSeconds(length);
            newestFirst.add(new CreatedWindow(start, end));
            end = start;
            length *= 2;
        }
        newestFirst.add(new CreatedWindow(from, end));
        List<CreatedWindow> plan = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(plan);
        return plan;
    }

    /**
     * Where to cut the unread range {@code [from, reached)} of a window into {@code parts} parts
     * that double in length toward the past (so the newest, densest part is the smallest), in whole
     * seconds.
     *
     * @return the cuts, oldest first, {@code parts - 1} of them at most (fewer when the range is
     *     too short to cut that often)
     */
    static List<Instant> cuts(Instant from, Instant reached, int parts) {
        long span = reached.getEpochSecond() - from.getEpochSecond();
        long units = (1L << parts) - 1; // parts of 1, 2, 4, ... units, newest first
        List<Instant> cuts = new ArrayList<>();
        long previous = from.getEpochSecond();
        long covered = 0;
        for (int part = parts - 1; part >= 1; part--) {
            covered += 1L << part; // the older parts, oldest (largest) first
            long cut = from.getEpochSecond() + span * covered / units;
            if (cut > previous && cut < reached.getEpochSecond()) {
                cuts.add(Instant.ofEpochSecond(cut));
                previous = cut;
            }
        }
        return cuts;
    }
}
