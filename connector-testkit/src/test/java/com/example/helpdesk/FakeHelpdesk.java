package com.example.helpdesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tributary.connector.host.Contexts;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A stand-in for the helpdesk API on the loopback: three open tickets, listed newest first with
 * {@code limit}, {@code starting_after}, {@code created_gte}/{@code created_lt} and filters as the
 * real API does, and tokens that fail in each way (401, 503, 403).
 */
final class FakeHelpdesk implements AutoCloseable {

    static final String VALID_TOKEN = "hd_validtoken00000001";
    static final String REVOKED_TOKEN = "hd_revokedtoken000001";
    static final String UNAVAILABLE_TOKEN = "hd_unavailable0000001";
    static final String FORBIDDEN_TOKEN = "hd_forbidden000000001";
    /** The time every context reads, so signed deliveries are judged against a known "now". */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ObjectNode> TICKETS = List.of(
            ticket("t_3", "Refund", "urgent", 1_700_000_300L, "ann@example.com"),
            ticket("t_2", "Login", "normal", 1_700_000_200L, null),
            ticket("t_1", "Invoice", "normal", 1_700_000_100L, "bob@example.com"));

    private final HttpServer server;
    private final AtomicLong requests = new AtomicLong();

    FakeHelpdesk() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    ConnectorContext context(String token) {
        return Contexts.builder().credentials(() -> new Credentials(Map.of("api_token", token))).clock(CLOCK).build();
    }

    long requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String token = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replaceFirst("^Bearer ", "");
        String path = exchange.getRequestURI().getPath();
        switch (token) {
            case VALID_TOKEN -> {
                if (path.equals("/v1/account")) {
                    respond(exchange, 200, "{\"id\":\"acc_42\",\"name\":\"Acme Support\",\"sandbox\":true,\"scopes\":[\"tickets:read\"]}");
                } else if (path.equals("/v1/tickets")) {
                    respond(exchange, 200, tickets(query(exchange)).toString());
                } else {
                    respond(exchange, 404, "{\"error\":{\"message\":\"no such endpoint\"}}");
                }
            }
            case UNAVAILABLE_TOKEN -> respond(exchange, 503, "");
            case FORBIDDEN_TOKEN -> respond(exchange, 403, "{\"error\":{\"message\":\"missing scope\",\"missing_scope\":\"tickets:read\"}}");
            default -> respond(exchange, 401, "{\"error\":{\"message\":\"invalid token\"}}");
        }
    }

    private static ObjectNode tickets(Map<String, String> query) {
        Predicate<ObjectNode> wanted = ticket -> matches(ticket, query);
        List<ObjectNode> matching = TICKETS.stream().filter(wanted).toList();
        int start = 0;
        if (query.containsKey("starting_after")) {
            start = matching.stream().map(ticket -> ticket.path("id").asText()).toList().indexOf(query.get("starting_after")) + 1;
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
        List<ObjectNode> page = matching.subList(Math.min(start, matching.size()), Math.min(start + limit, matching.size()));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode data = body.putArray("data");
        page.forEach(ticket -> data.add(ticket.deepCopy()));
        body.put("has_more", start + limit < matching.size());
        return body;
    }

    private static boolean matches(ObjectNode ticket, Map<String, String> query) {
        long created = ticket.path("created_at").asLong();
        return (!query.containsKey("created_gte") || created >= Long.parseLong(query.get("created_gte")))
                && (!query.containsKey("created_lt") || created < Long.parseLong(query.get("created_lt")))
                && (!query.containsKey("status") || ticket.path("status").asText().equals(query.get("status")))
                && (!query.containsKey("priority") || ticket.path("priority").asText().equals(query.get("priority")))
                && (!query.containsKey("requester_email")
                        || ticket.path("requester").path("email").asText("").equals(query.get("requester_email")));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ObjectNode ticket(String id, String subject, String priority, long createdAt, String email) {
        ObjectNode ticket = JSON.createObjectNode().put("id", id).put("subject", subject).put("status", "open")
                .put("priority", priority).put("created_at", createdAt).put("updated_at", createdAt + 600);
        if (email == null) {
            ticket.putNull("requester");
        } else {
            ticket.putObject("requester").put("email", email);
        }
        return ticket;
    }
}
