package io.tributary.projection.render;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an instant relative to "now": "just now", "5 minutes ago", "in 3 days". The JDK has no
 * relative-time formatter (ICU4J has), so the phrases are ours: English, and German for locales whose
 * language is German; other locales get English with their own digits and grouping.
 *
 * <p>Counts are whole units, truncated: 90 seconds is "1 minute"; a month is 30 days and a year 365.
 */
final class RelativeTimeFormatter {

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long MONTH = 30 * DAY;
    private static final long YEAR = 365 * DAY;

    private enum Unit { MINUTE, HOUR, DAY, MONTH, YEAR }

    /** The words of one language; {@code %s} stands for "count unit". */
    private record Phrases(String justNow, String past, String future, Map<Unit, String[]> singularPlural) {

        String unit(Unit unit, long count) {
            return singularPlural.get(unit)[count == 1 ? 0 : 1];
        }
    }

    private static final Phrases ENGLISH = new Phrases("just now", "%s ago", "in %s", Map.of(
            Unit.MINUTE, new String[] {"minute", "minutes"},
            Unit.HOUR, new String[] {"hour", "hours"},
            Unit.DAY, new String[] {"day", "days"},
            Unit.MONTH, new String[] {"month", "months"},
            Unit.YEAR, new String[] {"year", "years"}));

    // "vor" and "in" both take the dative, so one plural form serves past and future.
    private static final Phrases GERMAN = new Phrases("gerade eben", "vor %s", "in %s", Map.of(
            Unit.MINUTE, new String[] {"Minute", "Minuten"},
            Unit.HOUR, new String[] {"Stunde", "Stunden"},
            Unit.DAY, new String[] {"Tag", "Tagen"},
            Unit.MONTH, new String[] {"Monat", "Monaten"},
            Unit.YEAR, new String[] {"Jahr", "Jahren"}));

    private RelativeTimeFormatter() {}

    static String format(Instant instant, Instant now, Locale locale) {
        Phrases phrases = "de".equals(locale.getLanguage()) ? GERMAN : ENGLISH;
        long seconds = Duration.between(now, instant).getSeconds(); // positive: in the future
        long distance = Math.abs(seconds);
        if (distance < MINUTE) {
            return phrases.justNow();
        }
        Unit unit;
        long count;
        if (distance < HOUR) {
            unit = Unit.MINUTE;
            count = distance / MINUTE;
        } else if (distance < DAY) {
            unit = Unit.HOUR;
            count = distance / HOUR;
        } else if (distance < MONTH) {
            unit = Unit.DAY;
            count = distance / DAY;
        } else if (distance < YEAR) {
            unit = Unit.MONTH;
            count = distance / MONTH;
        } else {
            unit = Unit.YEAR;
            count = distance / YEAR;
        }
        String amount = NumberFormat.getIntegerInstance(locale).format(count) + " " + phrases.unit(unit, count);
        return String.format(locale, seconds > 0 ? phrases.future() : phrases.past(), amount);
    }
}
