package io.tributary.server.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.spi.CreatedWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a backfill's range is cut into windows, and a window's unread range into parts. */
class BackfillPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void aRecentStartDateIsCutEvenlyAndCoversTheRangeExactly() {
        Instant from = NOW.minus(Duration.ofDays(100));
        List<CreatedWindow> plan = BackfillPlan.windows(from, NOW, 4);

        assertThat(plan).hasSize(4);
        assertThat(plan.get(0).from()).isEqualTo(from);
        assertThat(plan.get(3).until()).isEqualTo(NOW);
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i).from()).isEqualTo(plan.get(i - 1).until());
            assertThat(Duration.between(plan.get(i).from(), plan.get(i).until())).isEqualTo(Duration.ofDays(25));
        }
    }

    @Test
    void everythingSince1970IsCutIntoWindowsDoublingFromOneDayBackward() {
        List<CreatedWindow> plan = BackfillPlan.windows(Instant.EPOCH, NOW, 16);

        // 1 + 2 + ... + 8,192 days reach back to 1982; the 15th window takes the rest, to 1970.
        assertThat(plan).hasSize(15);
        assertThat(plan.get(0).from()).isEqualTo(Instant.EPOCH);
        assertThat(plan.get(14)).isEqualTo(new CreatedWindow(NOW.minus(Duration.ofDays(1)), NOW));
        assertThat(plan.get(13)).isEqualTo(new CreatedWindow(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(1))));
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i).from()).as("contiguous").isEqualTo(plan.get(i - 1).until());
        }
        long lastTwoYears = plan.stream().filter(window -> !window.from().isBefore(NOW.minus(Duration.ofDays(730)))).count();
        assertThat(lastTwoYears).as("the recent past, where objects crowd, gets most windows").isGreaterThanOrEqualTo(9);
    }

    @Test
    void anUnreadRangeIsCutIntoPartsGrowingTowardThePast() {
        Instant from = NOW.minus(Duration.ofDays(70));
        List<Instant> cuts = BackfillPlan.cuts(from, NOW, 3); // parts of 4, 2 and 1 units: 40, 20 and 10 days

        assertThat(cuts).containsExactly(from.plus(Duration.ofDays(40)), from.plus(Duration.ofDays(60)));
        assertThat(BackfillPlan.cuts(from, NOW, 1)).isEmpty();
        assertThat(BackfillPlan.cuts(NOW.minusSeconds(2), NOW, 8)).as("no more cuts than seconds").hasSizeLessThanOrEqualTo(1);
    }
}
