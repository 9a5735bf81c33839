package ${package};

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.AccountIdentity;
import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.Streams;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The connector: one query type and one stream. One instance serves every data source of this type
 * from many threads at once, so it keeps no per-source state; each call gets the source's
 * credentials and clock through its {@link ConnectorContext}.
 */
final class ${connectorName}Connector implements Connector {

    /** The scope an API key needs to read contacts, as the API names it. */
    static final String CONTACTS_READ = "contacts:read";

    private final ${connectorName}Api api;
    private final ${connectorName}Streams streams;

    ${connectorName}Connector(${connectorName}Api api) {
        this.api = api;
        this.streams = new ${connectorName}Streams(api);
    }

    /**
     * Whose account the key opens and what it may read: one status per query type and per stream.
     * A key the API refuses fails as {@code CREDENTIALS_REJECTED} (from {@link ${connectorName}Api}).
     */
    @Override
    public CredentialCheck validateCredentials(ConnectorContext context) {
        JsonNode account = api.get(context, "/v1/account", Map.of());
        Set<String> scopes = new HashSet<>();
        account.path("scopes").forEach(scope -> scopes.add(scope.asText()));
        boolean canRead = scopes.contains(CONTACTS_READ);
        List<CapabilityStatus> capabilities = List.of(
                status(CapabilityStatus.Kind.QUERY_TYPE, ${connectorName}ConnectorFactory.NEW_CONTACTS, canRead),
                status(CapabilityStatus.Kind.STREAM, ${connectorName}Streams.CONTACTS.name(), canRead));
        AccountIdentity identity = new AccountIdentity(account.path("id").asText(), account.path("live").asBoolean(),
                account.path("name").asText(null));
        return new CredentialCheck(identity, capabilities, List.of());
    }

    private static CapabilityStatus status(CapabilityStatus.Kind kind, String id, boolean canRead) {
        // A missing capability names the permission to grant, so the person connecting knows what to fix.
        return canRead ? CapabilityStatus.available(kind, id) : CapabilityStatus.missing(kind, id, CONTACTS_READ);
    }

    @Override
    public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
        if (!request.queryTypeId().equals(${connectorName}ConnectorFactory.NEW_CONTACTS)) {
            throw new ConnectorException(StandardErrorCode.UNKNOWN_QUERY_TYPE, "No query type " + request.queryTypeId());
        }
        // Validated by the server against the schema, default filled in: never absent, never out of range.
        long days = request.parameters().integer("days").orElseThrow();
        // The context's clock, never the system's: the server (and tests) decide what "now" is.
        Instant since = context.clock().instant().minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);

        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", String.valueOf(${connectorName}Api.MAX_PAGE_SIZE));
        query.put("created_gte", since.toString());
        long count = 0;
        ArrayNode newest = JsonNodeFactory.instance.arrayNode();
        String after = null;
        do {
            if (after != null) {
                query.put("starting_after", after);
            }
            JsonNode page = api.get(context, "/v1/contacts", query);
            for (JsonNode contact : page.path("data")) {
                count++;
                if (newest.size() < ${connectorName}ConnectorFactory.NEWEST_LIMIT) {
                    newest.add(summary(contact));
                }
                after = contact.path("id").asText();
            }
            if (!page.path("has_more").asBoolean()) {
                after = null;
            }
        } while (after != null);

        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("count", count);
        data.put("since", since.getEpochSecond());
        data.set("newest", newest);
        return QueryResult.of(data);
    }

    /** A contact as the query's result fields declare it: TIMESTAMP fields are unix seconds. */
    private static ObjectNode summary(JsonNode contact) {
        Instant created = ${connectorName}Streams.CONTACTS.createdAt(contact).orElseThrow(() -> new ConnectorException(
                StandardErrorCode.PROVIDER_ERROR, "The API returned a contact without a readable created_at"));
        return JsonNodeFactory.instance.objectNode()
                .put("id", contact.path("id").asText())
                .put("name", contact.path("name").asText())
                .put("created_at", created.getEpochSecond());
    }

    /** Contacts can be mirrored into the server's database as a dataset. */
    @Override
    public Optional<Streams> streams() {
        return Optional.of(streams);
    }

    /** Called once when the server stops (and by tests, maybe twice): releases the HTTP client's threads. */
    @Override
    public void close() {
        api.close();
    }
}
