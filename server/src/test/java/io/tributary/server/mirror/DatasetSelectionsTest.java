package io.tributary.server.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.CapabilityStatus;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.AccountIdentity;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ResultField;
import io.tributary.connector.spi.SpiVersion;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import java.util.Optional;
import io.tributary.server.api.DatasetRequests.Selection;
import io.tributary.server.problems.InvalidInput;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Selecting streams against what the credentials' last check said about each. */
class DatasetSelectionsTest {

    private static final InstalledConnector DESCRIPTOR = ConnectorRegistry.create(new AcmeFactory()).find("acme").orElseThrow();
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
        assertThatThrownBy(() -> DatasetSelections.resolve(List.of(stream("customers"), stream("events")), DESCRIPTOR.streamDescriptors(), CHECKED, NOW))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.code()).isEqualTo("stream_readability_unknown");
                    assertThat(e.field()).isEqualTo("datasets[1].stream");
                    assertThat(e.getMessage()).contains("'events' is unknown", "GET /v1/events failed: HTTP 404", "test the data source again");
                });
    }

    @Test
    void aStreamTheCredentialsCannotReadIsStillRefusedWithThePermissionToGrant() {
        assertThatThrownBy(() -> DatasetSelections.resolve(List.of(stream("payouts")), DESCRIPTOR.streamDescriptors(), CHECKED, NOW))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.code()).isEqualTo("stream_not_readable");
                    assertThat(e.getMessage()).contains("grant Payouts: Read");
                });
    }

    @Test
    void everyReadableStreamLeavesOutBothTheMissingAndTheUnknown() {
        assertThat(DatasetSelections.resolve(List.of(stream(DatasetSelections.EVERY_READABLE)), DESCRIPTOR.streamDescriptors(), CHECKED, NOW))
                .containsOnlyKeys("customers");
    }

    /** A connector with three streams and nothing else: only its descriptors are read here. */
    private static final class AcmeFactory implements ConnectorFactory {
        @Override
        public String spiVersion() {
            return SpiVersion.CURRENT;
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return ConnectorDescriptor.builder("acme", "Acme", "Reads Acme.")
                    .queryType(QueryType.builder("acme.count", "Counts.").resultField(ResultField.of("count", FieldType.INTEGER, "How many.")).build())
                    .build();
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            List<StreamDescriptor> streams = List.of("customers", "payouts", "events").stream()
                    .map(name -> StreamDescriptor.builder(name, name + ".").incremental().createdFilter().build()).toList();
            return new Connector() {
                @Override
                public CredentialCheck validateCredentials(ConnectorContext context) {
                    return new CredentialCheck(new AccountIdentity("acct", false, null), List.of(), List.of());
                }

                @Override
                public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
                    return QueryResult.of(JsonNodeFactory.instance.objectNode().put("count", 0));
                }

                @Override
                public Optional<Streams> streams() {
                    return Optional.of(new Streams() {
                        @Override
                        public List<StreamDescriptor> descriptors() {
                            return streams;
                        }

                        @Override
                        public StreamPage read(ConnectorContext context, StreamReadRequest request) {
                            return new StreamPage(List.of(), null);
                        }
                    });
                }
            };
        }
    }
}
