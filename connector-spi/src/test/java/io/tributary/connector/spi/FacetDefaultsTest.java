package io.tributary.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a connector that implements only what the SPI requires has: no capabilities, no settings, nothing to close. */
class FacetDefaultsTest {

    private static final QueryType COUNT = QueryType.builder("acme.count", "Counts.")
            .resultField(ResultField.of("count", FieldType.INTEGER, "The count.")).build();

    @Test
    void aMinimalConnectorHasNoCapabilitiesAndNoSettings() {
        TestConnector factory = new TestConnector(COUNT);
        Connector connector = factory.create(ConnectorSettings.defaults(factory.settings()));

        assertThat(factory.settings()).isEmpty();
        assertThat(connector.webhooks()).isEmpty();
        assertThat(connector.streams()).isEmpty();
        QueryRequest request = new QueryRequest(COUNT, QueryParameters.of(COUNT, Map.of()));
        assertThatCode(() -> connector.checkParameters(request)).doesNotThrowAnyException();
        assertThatCode(() -> {
            connector.close();
            connector.close();
        }).doesNotThrowAnyException();
    }

    @Test
    void streamsFindADescriptorByNameAndHaveNoFeedOrMirrorByDefault() {
        StreamDescriptor tickets = StreamDescriptor.builder("tickets", "Tickets.").build();
        Streams streams = new Streams() {
            @Override
            public List<StreamDescriptor> descriptors() {
                return List.of(tickets);
            }

            @Override
            public StreamPage read(ConnectorContext context, StreamReadRequest request) {
                return new StreamPage(List.of(), null);
            }
        };

        assertThat(streams.descriptor("tickets")).contains(tickets);
        assertThat(streams.descriptor("users")).isEmpty();
        assertThat(streams.changeFeed()).isEmpty();
        assertThat(streams.mirrorQueries()).isEmpty();
    }
}
