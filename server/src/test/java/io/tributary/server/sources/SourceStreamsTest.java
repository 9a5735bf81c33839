package io.tributary.server.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.spi.CursorFormat;
import io.tributary.connector.spi.Retention;
import io.tributary.connector.spi.StreamDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceStreamsTest {

    @Test
    void aSourcesStreamsAreKeptAsJsonAndReadBackEqual() {
        List<StreamDescriptor> streams = List.of(
                StreamDescriptor.builder("public__orders", "The table public.orders.").primaryKey("id").withoutCreationTime()
                        .cursorChoices("updated_at", "id").build(),
                StreamDescriptor.builder("public__eu_orders", "A view.").primaryKey("tributary_key").withoutCreationTime()
                        .keyChoices("id", "Region").build(),
                StreamDescriptor.builder("tickets", "Tickets.").cursor("opened_at", CursorFormat.ISO_8601).incremental().createdFilter().build(),
                StreamDescriptor.builder("deliveries", "Deliveries.").cursor("received_at", CursorFormat.ISO_8601)
                        .pushed(new Retention(30, 1000)).build());

        assertThat(SourceStreams.fromJson(SourceStreams.toJson(streams))).isEqualTo(streams);
    }
}
