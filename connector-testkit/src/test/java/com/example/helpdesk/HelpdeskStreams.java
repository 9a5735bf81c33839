package com.example.helpdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CursorFormat;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The helpdesk's tickets, newest first, filtered by creation time where the host asks. */
final class HelpdeskStreams implements Streams {

    static final StreamDescriptor TICKETS = StreamDescriptor.builder("tickets", "Every ticket.")
            .cursor("created_at", CursorFormat.UNIX_SECONDS).incremental().createdFilter().build();

    private final HelpdeskApi api;

    HelpdeskStreams(HelpdeskApi api) {
        this.api = api;
    }

    @Override
    public List<StreamDescriptor> descriptors() {
        return List.of(TICKETS);
    }

    @Override
    public StreamPage read(ConnectorContext context, StreamReadRequest request) {
        if (!request.stream().equals(TICKETS.name())) {
            throw new ConnectorException(StandardErrorCode.UNKNOWN_STREAM, "No stream '" + request.stream() + "'");
        }
        Map<String, String> query = new LinkedHashMap<>(Map.of("limit", String.valueOf(request.pageSize())));
        if (request.cursor() != null) {
            query.put("starting_after", request.cursor());
        }
        if (request.window() != null) {
            query.put("created_gte", String.valueOf(request.window().from().getEpochSecond()));
            query.put("created_lt", String.valueOf(request.window().until().getEpochSecond()));
        }
        JsonNode page = api.get(context, "/v1/tickets", query);
        List<ObjectNode> records = new ArrayList<>();
        page.path("data").forEach(ticket -> records.add((ObjectNode) ticket));
        String next = page.path("has_more").asBoolean() && !records.isEmpty()
                ? records.get(records.size() - 1).path("id").asText() : null;
        return new StreamPage(records, next);
    }
}
