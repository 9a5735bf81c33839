package com.example.helpdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ResultField;
import io.tributary.connector.spi.SpiVersion;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A connector for an imaginary helpdesk, written the way a third party writes one: outside
 * Tributary's packages, against the SPI alone, registered in {@code META-INF/services}. It proves
 * the contract test kit on something other than the Stripe connector.
 */
public class HelpdeskConnector implements Connector {

    static final String TICKETS_READ = "tickets:read";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String typeId;
    private final HelpdeskApi api = new HelpdeskApi();

    /** The connector as shipped. */
    public HelpdeskConnector() {
        this("helpdesk");
    }

    /**
     * A variant under another type id (tests install deliberately broken variants side by side).
     *
     * @param typeId the type id
     */
    protected HelpdeskConnector(String typeId) {
        this.typeId = typeId;
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(typeId, "Helpdesk", "Counts and lists support tickets.",
                List.of(apiTokenField()),
                List.of(
                        new QueryType(typeId + ".open_tickets", "How many tickets are open, and since when.",
                                List.of(ParameterSpec.string("priority", "Only tickets of this priority.").oneOf("low", "normal", "urgent")),
                                openTicketsFields()),
                        new QueryType(typeId + ".recent_tickets", "The most recently created tickets.",
                                List.of(ParameterSpec.integer("limit", "How many tickets.").between(1, 50).withDefault(10L),
                                        ParameterSpec.string("requester_email", "Only tickets from this requester.")),
                                List.of(ResultField.arrayOf("tickets", "Newest first.",
                                        ResultField.of("id", FieldType.STRING, "The ticket id."),
                                        ResultField.of("subject", FieldType.STRING, "The subject line."),
                                        ResultField.of("status", FieldType.STRING, "open, pending or solved."),
                                        ResultField.of("created_at", FieldType.TIMESTAMP, "When it was opened."),
                                        ResultField.nullable("requester_email", FieldType.STRING, "Who opened it."))))),
                List.of(new StreamDescriptor("tickets", "Every ticket.", "id", "updated_at", true, true)),
                true);
    }

    /** The credential field; a variant may describe it differently. */
    protected CredentialField apiTokenField() {
        return CredentialField.secret("api_token", "API token", "hd_[A-Za-z0-9]{16,}", "Starts with hd_, from Settings > API")
                .withPublicPrefixes("hd_");
    }

    /** The result fields of open_tickets; a variant may promise more. */
    protected List<ResultField> openTicketsFields() {
        return List.of(ResultField.of("count", FieldType.INTEGER, "Open tickets."),
                ResultField.nullable("oldest_created_at", FieldType.TIMESTAMP, "When the oldest open ticket was opened."));
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
        Set<String> scopes = new java.util.HashSet<>();
        account.path("scopes").forEach(scope -> scopes.add(scope.asText()));
        boolean canRead = scopes.contains(TICKETS_READ);
        List<CapabilityStatus> capabilities = new ArrayList<>();
        for (QueryType queryType : descriptor().queryTypes()) {
            capabilities.add(canRead ? CapabilityStatus.available(CapabilityStatus.Kind.QUERY_TYPE, queryType.id())
                    : CapabilityStatus.missing(CapabilityStatus.Kind.QUERY_TYPE, queryType.id(), TICKETS_READ));
        }
        capabilities.add(canRead ? CapabilityStatus.available(CapabilityStatus.Kind.STREAM, "tickets")
                : CapabilityStatus.missing(CapabilityStatus.Kind.STREAM, "tickets", TICKETS_READ));
        return new CredentialCheck(new AccountIdentity(account.path("id").asText(), !account.path("sandbox").asBoolean(),
                account.path("name").asText(null)), capabilities, List.of());
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
    public StreamPage readStream(ConnectorContext context, StreamReadRequest request) {
        if (!request.stream().equals("tickets")) {
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

    @Override
    public List<WebhookEvent> parseWebhook(ConnectorContext context, WebhookRequest request) {
        String header = request.header("X-Helpdesk-Signature").orElseThrow(() -> new ConnectorException(
                StandardErrorCode.WEBHOOK_SIGNATURE_INVALID, "The delivery has no X-Helpdesk-Signature header"));
        byte[] given = header.startsWith("sha256=") ? hex(header.substring(7)) : new byte[0];
        boolean verified = request.signingSecrets().stream()
                .anyMatch(secret -> MessageDigest.isEqual(hmac(secret, request.body()), given));
        if (!verified) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_SIGNATURE_INVALID, "The delivery's signature does not match");
        }
        JsonNode event;
        try {
            event = JSON.readTree(new String(request.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED, "The delivery is not JSON", e);
        }
        if (event == null || !event.path("id").isTextual() || !event.path("type").isTextual()) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED, "The delivery lacks an id or a type");
        }
        Set<String> stale = event.path("type").asText().startsWith("ticket.")
                ? Set.of(typeId + ".open_tickets", typeId + ".recent_tickets") : Set.of();
        return List.of(new WebhookEvent(event.path("id").asText(), event.path("type").asText(),
                Instant.ofEpochSecond(event.path("created").asLong()), stale,
                stale.isEmpty() ? Set.of() : Set.of("tickets"), event.get("ticket")));
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new ConnectorException(StandardErrorCode.CONNECTOR_ERROR, "HMAC-SHA256 is unavailable", e);
        }
    }

    private static byte[] hex(String text) {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
