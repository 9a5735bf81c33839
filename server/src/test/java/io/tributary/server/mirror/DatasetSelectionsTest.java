package io.tributary.server.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.server.api.DatasetRequests.Selection;
import io.tributary.server.problems.InvalidInput;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Selecting streams against what the credentials' last check said about each. */
class DatasetSelectionsTest {

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("acme", "Acme", "Reads Acme.", List.of(), List.of(),
            List.of(new StreamDescriptor("customers", "Customers.", "id", "created", true, true),
                    new StreamDescriptor("payouts", "Payouts.", "id", "created", true, true),
                    new StreamDescriptor("events", "Events.", "id", "created", true, true)),
            false);
    private static final List<CapabilityStatus> CHECKED = List.of(
            CapabilityStatus.available(CapabilityStatus.Kind.STREAM, "customers"),
            CapabilityStatus.missing(CapabilityStatus.Kind.STREAM, "payouts", "Payouts: Read"),
            CapabilityStatus.unknown(CapabilityStatus.Kind.STREAM, "events", "checking Events: Read with GET /v1/events failed: HTTP 404"));
    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

    private static Selection stream(String name) {
        return new Selection(name, null, null, null);
    }

    @Test
    void aStreamWhoseReadabilityIsUnknownIsRefusedWithTheReasonNotTakenAsReadable() {
        assertThatThrownBy(() -> DatasetSelections.resolve(List.of(stream("customers"), stream("events")), DESCRIPTOR, CHECKED, NOW))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.code()).isEqualTo("stream_readability_unknown");
                    assertThat(e.field()).isEqualTo("datasets[1].stream");
                    assertThat(e.getMessage()).contains("'events' is unknown", "GET /v1/events failed: HTTP 404", "test the data source again");
                });
    }

    @Test
    void aStreamTheCredentialsCannotReadIsStillRefusedWithThePermissionToGrant() {
        assertThatThrownBy(() -> DatasetSelections.resolve(List.of(stream("payouts")), DESCRIPTOR, CHECKED, NOW))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.code()).isEqualTo("stream_not_readable");
                    assertThat(e.getMessage()).contains("grant Payouts: Read");
                });
    }

    @Test
    void everyReadableStreamLeavesOutBothTheMissingAndTheUnknown() {
        assertThat(DatasetSelections.resolve(List.of(stream(DatasetSelections.EVERY_READABLE)), DESCRIPTOR, CHECKED, NOW))
                .containsOnlyKeys("customers");
    }
}
