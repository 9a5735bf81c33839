package io.tributary.server.plugins;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The helpdesk's API on the loopback, as the helpdesk connector calls it: {@code GET /v1/account}
 * and {@code GET /v1/tickets} (newest first, with {@code limit}, {@code starting_after},
 * {@code created_gte}/{@code created_lt}, {@code status}, {@code priority} and
 * {@code requester_email}), for one API token; any other token is refused with 401. The test adds
 * tickets as it goes and counts the requests made with its token.
 */
public final class HelpdeskUpstream implements AutoCloseable {

    public static final String ACCOUNT_ID = "acc_support_7";
    public static final String ACCOUNT_NAME = "Acme Support";

    private final String token;
    private final HttpServer server;
    private final List<ObjectNode> tickets = new ArrayList<>();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

    private HelpdeskUpstream(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** A helpdesk whose one valid API token is {@code token}, holding no tickets yet. */
    public static HelpdeskUpstream start(String token) {
        return new HelpdeskUpstream(token);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Opens a ticket; {@code requesterEmail} may be null. Returns it as the API lists it. */
    public ObjectNode ticket(String id, String subject, String priority, Instant createdAt, String requesterEmail) {
        ObjectNode ticket = JsonNodeFactory.instance.objectNode().put("id", id).put("subject", subject).put("status", "open")
                .put("priority", priority).put("created_at", createdAt.getEpochSecond())
                .put("updated_at", createdAt.getEpochSecond());
        if (requesterEmail == null) {
            ticket.putNull("requester");
        } else {
            ticket.putObject("requester").put("email", requesterEmail);
        }
        synchronized (tickets) {
            tickets.add(ticket);
            tickets.sort(Comparator.comparingLong((ObjectNode t) -> t.get("created_at").asLong()).reversed());
        }
        return ticket.deepCopy();
    }

    /** Every ticket, newest first. */
    public List<ObjectNode> tickets() {
        synchronized (tickets) {
            return tickets.stream().map(ObjectNode::deepCopy).toList();
        }
    }

    /** Requests made with this helpdesk's token to a path, such as {@code /v1/tickets}. */
    public long requests(String path) {
        return requests.getOrDefault(path, new AtomicLong()).get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":{\"message\":\"invalid token\"}}");
            return;
        }
        requests.computeIfAbsent(path, key -> new AtomicLong()).incrementAndGet();
        switch (path) {
            case "/v1/account" -> respond(exchange, 200, JsonNodeFactory.instance.objectNode().put("id", ACCOUNT_ID)
                    .put("name", ACCOUNT_NAME).put("sandbox", false).set("scopes", JsonNodeFactory.instance.arrayNode().add("tickets:read"))
                    .toString());
            case "/v1/tickets" -> respond(exchange, 200, page(query(exchange)).toString());
            default -> respond(exchange, 404, "{\"error\":{\"message\":\"no such endpoint\"}}");
        }
    }

    private ObjectNode page(Map<String, String> query) {
        List<ObjectNode> matching = tickets().stream().filter(ticket -> matches(ticket, query)).toList();
        int start = 0;
        if (query.containsKey("starting_after")) {
            start = matching.stream().map(ticket -> ticket.get("id").asText()).toList().indexOf(query.get("starting_after")) + 1;
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode data = body.putArray("data");
        matching.subList(Math.min(start, matching.size()), Math.min(start + limit, matching.size())).forEach(data::add);
        body.put("has_more", start + limit < matching.size());
        return body;
    }

    private static boolean matches(ObjectNode ticket, Map<String, String> query) {
        long created = ticket.get("created_at").asLong();
        return (!query.containsKey("created_gte") || created >= Long.parseLong(query.get("created_gte")))
                && (!query.containsKey("created_lt") || created < Long.parseLong(query.get("created_lt")))
                && (!query.containsKey("status") || ticket.get("status").asText().equals(query.get("status")))
                && (!query.containsKey("priority") || ticket.get("priority").asText().equals(query.get("priority")))
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
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
