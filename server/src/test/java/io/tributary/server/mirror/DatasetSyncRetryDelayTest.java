package io.tributary.server.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a failed stream is tried again: the connector's word for retryable failures, within the source's cadence. */
class DatasetSyncRetryDelayTest {

    private static final Duration HOURLY = Duration.ofMinutes(60);

    @Test
    void aRetryableFailureWaitsAsLongAsTheConnectorAsked() {
        assertThat(DatasetSync.retryDelay(HOURLY, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFailureTryingAgainCannotFixIsRecheckedAfterFiveMinutes() {
        assertThat(DatasetSync.retryDelay(HOURLY, Optional.empty())).isEqualTo(DatasetSync.RETRY_AFTER);
    }

    @Test
    void noWaitOutlastsTheFiveMinutesOrTheCadence() {
        assertThat(DatasetSync.retryDelay(HOURLY, Optional.of(Duration.ofHours(2)))).isEqualTo(DatasetSync.RETRY_AFTER);
        assertThat(DatasetSync.retryDelay(Duration.ofMinutes(5), Optional.of(Duration.ofMinutes(4)))).isEqualTo(Duration.ofMinutes(4));
        assertThat(DatasetSync.retryDelay(Duration.ofMinutes(1), Optional.empty())).isEqualTo(Duration.ofMinutes(1));
    }
}
