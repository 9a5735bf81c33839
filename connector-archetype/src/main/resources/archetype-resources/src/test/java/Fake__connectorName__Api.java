package ${package};

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A stand-in for the ${connectorName} API on the loopback interface, for the contract test and for trying
 * the connector in a local server. It answers what the connector calls, the way the real API does:
 *
 * <ul>
 *   <li>{@code GET /v1/account}: the key's account and scopes;</li>
 *   <li>{@code GET /v1/contacts}: contacts, newest first, {@code limit} (at most 100) at a time,
 *       after {@code starting_after} (an id), created in {@code [created_gte, created_lt)} (ISO-8601),
 *       as {@code {"data": [...], "has_more": true|false}}.</li>
 * </ul>
 *
 * <p>Each key fails in one way: {@link #VALID_KEY} reads everything, {@link #REVOKED_KEY} is refused
 * (401), {@link #UNAVAILABLE_KEY} meets an outage (503) and {@link #NO_SCOPE_KEY} opens its account
 * but may not read contacts (403). Its four contacts were created 2 hours, 3 days, 12 days and 45
 * days before its clock's "now".
 *
 * <p>It needs nothing but the JDK, so it also runs on its own:
 * {@code java -cp target/test-classes ${package}.Fake${connectorName}Api [port]}.
 */
public final class Fake${connectorName}Api implements AutoCloseable {

    public static final String VALID_KEY = "test_valid00000000000001";
    public static final String REVOKED_KEY = "test_revoked000000000001";
    public static final String UNAVAILABLE_KEY = "test_unavailable00000001";
    public static final String NO_SCOPE_KEY = "test_noscope000000000001";

    private static final int MAX_LIMIT = 100;

    private final HttpServer server;
    private final List<Contact> contacts;
    private final AtomicLong requests = new AtomicLong();

    private record Contact(String id, String name, String email, Instant createdAt) {
        String json() {
            return "{\"id\":" + quoted(id) + ",\"name\":" + quoted(name) + ",\"email\":" + quoted(email)
                    + ",\"created_at\":" + quoted(createdAt.toString()) + "}";
        }
    }

    private Fake${connectorName}Api(Clock clock, int port) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // Newest first, as the API lists them.
        this.contacts = List.of(
                new Contact("c_4", "Ada Lovelace", "ada@example.com", now.minus(Duration.ofHours(2))),
                new Contact("c_3", "Grace Hopper", "grace@example.com", now.minus(Duration.ofDays(3))),
                new Contact("c_2", "Alan Turing", "alan@example.com", now.minus(Duration.ofDays(12))),
                new Contact("c_1", "Edsger Dijkstra", "edsger@example.com", now.minus(Duration.ofDays(45))));
        try {
            // Loopback only: nothing outside this machine can reach the fake.
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a fake.
     *
     * @param clock the contacts' creation times are set back from this clock's "now"
     * @param port the port, or 0 for any free one
     * @return the running fake
     */
    public static Fake${connectorName}Api start(Clock clock, int port) {
        return new Fake${connectorName}Api(clock, port);
    }

    /** Runs the fake until the process is stopped, and prints what to configure. */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Fake${connectorName}Api fake = start(Clock.systemUTC(), port);
        // The server's thread keeps the JVM running after main returns.
        System.out.println("Fake ${connectorName} API listening");
        System.out.println("  api_base: " + fake.baseUrl());
        System.out.println("  API key:  " + VALID_KEY);
    }

    /** @return such as {@code http://127.0.0.1:53211} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the requests received so far, whatever their answer */
    public long requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String key = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replaceFirst("^Bearer ", "");
        String path = exchange.getRequestURI().getPath();
        switch (key) {
            case VALID_KEY -> answer(exchange, path, true);
            case NO_SCOPE_KEY -> answer(exchange, path, false);
            case UNAVAILABLE_KEY -> respond(exchange, 503, "");
            default -> respond(exchange, 401, "{\"error\":{\"message\":\"invalid API key\"}}");
        }
    }

    private void answer(HttpExchange exchange, String path, boolean canReadContacts) throws IOException {
        if (path.equals("/v1/account")) {
            String scopes = canReadContacts ? "[\"contacts:read\"]" : "[]";
            respond(exchange, 200, "{\"id\":\"acct_1\",\"name\":\"${connectorName} Demo\",\"live\":false,\"scopes\":" + scopes + "}");
        } else if (path.equals("/v1/contacts") && !canReadContacts) {
            respond(exchange, 403, "{\"error\":{\"message\":\"missing scope\",\"required_scope\":\"contacts:read\"}}");
        } else if (path.equals("/v1/contacts")) {
            Map<String, String> query = query(exchange);
            try {
                respond(exchange, 200, contacts(query));
            } catch (RuntimeException e) {
                respond(exchange, 400, "{\"error\":{\"message\":" + quoted("bad query: " + e.getMessage()) + "}}");
            }
        } else {
            respond(exchange, 404, "{\"error\":{\"message\":\"no such endpoint\"}}");
        }
    }

    private String contacts(Map<String, String> query) {
        Instant from = query.containsKey("created_gte") ? Instant.parse(query.get("created_gte")) : Instant.MIN;
        Instant until = query.containsKey("created_lt") ? Instant.parse(query.get("created_lt")) : Instant.MAX;
        List<Contact> matching = contacts.stream()
                .filter(contact -> !contact.createdAt().isBefore(from) && contact.createdAt().isBefore(until))
                .toList();
        int start = 0;
        if (query.containsKey("starting_after")) {
            start = matching.stream().map(Contact::id).toList().indexOf(query.get("starting_after")) + 1;
        }
        int limit = Math.min(Integer.parseInt(query.getOrDefault("limit", "10")), MAX_LIMIT);
        int end = Math.min(start + limit, matching.size());
        List<Contact> page = new ArrayList<>(matching.subList(Math.min(start, end), end));
        return "{\"data\":[" + page.stream().map(Contact::json).collect(Collectors.joining(",")) + "],\"has_more\":"
                + (end < matching.size()) + "}";
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

    /** A JSON string; the fake's own values hold no control characters. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
