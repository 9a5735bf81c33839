package com.example.helpdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.AccountIdentity;
import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.spi.Webhooks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The helpdesk connector: two queries, signed webhooks and a stream of tickets. */
final class HelpdeskConnector implements Connector {

    static final String TICKETS_READ = "tickets:read";

    private final String typeId;
    private final ConnectorDescriptor descriptor;
    private final HelpdeskApi api;
    private final HelpdeskWebhooks webhooks;
    private final HelpdeskStreams streams;

    HelpdeskConnector(String typeId, ConnectorDescriptor descriptor, HelpdeskApi api) {
        this.typeId = typeId;
        this.descriptor = descriptor;
        this.api = api;
        this.webhooks = new HelpdeskWebhooks(typeId);
        this.streams = new HelpdeskStreams(api);
    }

    @Override
    public void checkParameters(QueryRequest request) {
        request.parameters().string("requester_email").ifPresent(email -> {
            if (!email.contains("@")) {
                throw ConnectorException.invalidParameter("requester_email", "requester_email must be an email address");
            }
        });
    }

    @Override
    public CredentialCheck validateCredentials(ConnectorContext context) {
        JsonNode account = api.get(context, "/v1/account", Map.of());
        Set<String> scopes = new HashSet<>();
        account.path("scopes").forEach(scope -> scopes.add(scope.asText()));
        boolean canRead = scopes.contains(TICKETS_READ);
        List<CapabilityStatus> capabilities = new ArrayList<>();
        for (QueryType queryType : descriptor.queryTypes()) {
            capabilities.add(status(CapabilityStatus.Kind.QUERY_TYPE, queryType.id(), canRead));
        }
        for (StreamDescriptor stream : streams.descriptors()) {
            capabilities.add(status(CapabilityStatus.Kind.STREAM, stream.name(), canRead));
        }
        return new CredentialCheck(new AccountIdentity(account.path("id").asText(), !account.path("sandbox").asBoolean(),
                account.path("name").asText(null)), capabilities, List.of());
    }

    private static CapabilityStatus status(CapabilityStatus.Kind kind, String id, boolean canRead) {
        return canRead ? CapabilityStatus.available(kind, id) : CapabilityStatus.missing(kind, id, TICKETS_READ);
    }

    @Override
    public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
        String name = request.queryTypeId().substring(typeId.length() + 1);
        return switch (name) {
            case "open_tickets" -> openTickets(context, request);
            case "recent_tickets" -> recentTickets(context, request);
            default -> throw new ConnectorException(StandardErrorCode.UNKNOWN_QUERY_TYPE, "Unknown query " + request.queryTypeId());
        };
    }

    private QueryResult openTickets(ConnectorContext context, QueryRequest request) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("status", "open", "limit", "100"));
        request.parameters().string("priority").ifPresent(priority -> query.put("priority", priority));
        long count = 0;
        Long oldest = null;
        String after = null;
        do {
            if (after != null) {
                query.put("starting_after", after);
            }
            JsonNode page = api.get(context, "/v1/tickets", query);
            for (JsonNode ticket : page.path("data")) {
                count++;
                long created = ticket.path("created_at").asLong();
                oldest = oldest == null ? created : Math.min(oldest, created);
                after = ticket.path("id").asText();
            }
            if (!page.path("has_more").asBoolean()) {
                after = null;
            }
        } while (after != null);
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("count", count);
        data.put("oldest_created_at", oldest);
        return QueryResult.of(data);
    }

    private QueryResult recentTickets(ConnectorContext context, QueryRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", String.valueOf(request.parameters().integer("limit").orElseThrow()));
        request.parameters().string("requester_email").ifPresent(email -> query.put("requester_email", email));
        JsonNode page = api.get(context, "/v1/tickets", query);
        ArrayNode tickets = JsonNodeFactory.instance.arrayNode();
        for (JsonNode ticket : page.path("data")) {
            ObjectNode item = tickets.addObject();
            item.put("id", ticket.path("id").asText());
            item.put("subject", ticket.path("subject").asText());
            item.put("status", ticket.path("status").asText());
            item.put("created_at", ticket.path("created_at").asLong());
            item.put("requester_email", ticket.path("requester").path("email").asText(null));
        }
        return QueryResult.of(JsonNodeFactory.instance.objectNode().set("tickets", tickets));
    }

    @Override
    public Optional<Webhooks> webhooks() {
        return Optional.of(webhooks);
    }

    @Override
    public Optional<Streams> streams() {
        return Optional.of(streams);
    }

    @Override
    public void close() {
        api.close();
    }
}
