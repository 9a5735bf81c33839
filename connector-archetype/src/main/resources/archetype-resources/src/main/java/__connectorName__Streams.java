package ${package};

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

/**
 * The objects the server may mirror into its database, each stream a dataset: here, contacts,
 * newest first, as the API lists them.
 */
final class ${connectorName}Streams implements Streams {

    /**
     * Contacts. The API writes each one's creation time in {@code created_at} as ISO-8601 text, so the
     * stream says so ({@link CursorFormat}): the server reads creation times, and creation windows, by
     * it. {@code createdFilter()}: the API filters by creation time, so the server may read several
     * windows at once during a backfill. {@code incremental()}: after the backfill, the server reads only
     * the contacts created since, and re-reads a lookback window as a safety net.
     */
    static final StreamDescriptor CONTACTS = StreamDescriptor.builder("contacts", "Every contact, newest first.")
            .cursor("created_at", CursorFormat.ISO_8601)
            .incremental()
            .createdFilter()
            .build();

    private final ${connectorName}Api api;

    ${connectorName}Streams(${connectorName}Api api) {
        this.api = api;
    }

    @Override
    public List<StreamDescriptor> descriptors() {
        return List.of(CONTACTS);
    }

    @Override
    public StreamPage read(ConnectorContext context, StreamReadRequest request) {
        if (!request.stream().equals(CONTACTS.name())) {
            throw new ConnectorException(StandardErrorCode.UNKNOWN_STREAM, "No stream '" + request.stream() + "'");
        }
        Map<String, String> query = new LinkedHashMap<>();
        // A connector may return fewer records than asked for, never more.
        query.put("limit", String.valueOf(Math.min(request.pageSize(), ${connectorName}Api.MAX_PAGE_SIZE)));
        if (request.cursor() != null) {
            query.put("starting_after", request.cursor());
        }
        if (request.window() != null) {
            // Half-open, [from, until): the same times the cursor field holds.
            query.put("created_gte", request.window().from().toString());
            query.put("created_lt", request.window().until().toString());
        }
        JsonNode page = api.get(context, "/v1/contacts", query);
        List<ObjectNode> records = new ArrayList<>();
        for (JsonNode contact : page.path("data")) {
            if (!(contact instanceof ObjectNode record)) {
                throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR, "${connectorName} listed a contact that is not an object");
            }
            records.add(record);
        }
        // The next page continues after this page's last record; null when this one was the last.
        String next = page.path("has_more").asBoolean() && !records.isEmpty()
                ? records.get(records.size() - 1).path("id").asText() : null;
        return new StreamPage(records, next);
    }
}
