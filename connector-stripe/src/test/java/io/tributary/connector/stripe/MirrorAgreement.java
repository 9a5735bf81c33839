package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a query live and from an {@link InMemoryMirror} and checks that both give the same result:
 * the same data, to the JSON text, and the same notices.
 */
final class MirrorAgreement {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final long DAY = 86_400;

    /** A query to compare: its type and its parameters as JSON text (null for none). */
    record Query(String type, String parameters) {
        @Override
        public String toString() {
            return type + " " + (parameters == null ? "{}" : parameters);
        }
    }

    /** Both answers. */
    record Outcome(QueryResult live, Optional<QueryResult> mirrored) {
    }

    private final InstalledConnector connector;
    private final MirrorQueries mirrorQueries;
    private final Supplier<ConnectorContext> contexts;
    private final InMemoryMirror mirror;

    MirrorAgreement(InstalledConnector connector, Supplier<ConnectorContext> contexts, InMemoryMirror mirror) {
        this.connector = connector;
        this.mirrorQueries = connector.mirrorQueries().orElseThrow();
        this.contexts = contexts;
        this.mirror = mirror;
    }

    static QueryRequest request(InstalledConnector connector, Query query) {
        try {
            return ParameterValidator.prepare(connector, query.type(), query.parameters() == null ? null : JSON.readTree(query.parameters()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Outcome run(Query query) {
        return run(query, contexts.get());
    }

    Outcome run(Query query, ConnectorContext context) {
        QueryRequest request = request(connector, query);
        QueryResult live = connector.connector().runQuery(context, request);
        Optional<QueryResult> mirrored = mirrored(query, context);
        return new Outcome(live, mirrored);
    }

    Optional<QueryResult> mirrored(Query query, ConnectorContext context) {
        QueryRequest request = request(connector, query);
        return mirrorQueries.run(context, request, mirror.readerFor(mirrorQueries.streamsFor(request)));
    }

    /** Checks that the mirror answers, with the live result; returns it. */
    QueryResult assertSame(Query query) {
        return assertSame(query, contexts.get());
    }

    QueryResult assertSame(Query query, ConnectorContext context) {
        Outcome outcome = run(query, context);
        assertThat(outcome.mirrored()).as("an answer from the mirror to %s", query).isPresent();
        assertSame(query, outcome.live(), outcome.mirrored().get());
        return outcome.live();
    }

    static void assertSame(Object query, QueryResult live, QueryResult mirrored) {
        assertThat(mirrored.data().toString()).as("data of %s", query).isEqualTo(live.data().toString());
        assertThat(mirrored.notices()).as("notices of %s", query).isEqualTo(live.notices());
        assertThat(mirrored).as("%s", query).isEqualTo(live);
    }

    /**
     * Checks every query of {@link #queries}: each answered from the mirror as live, except
     * recent charges whose order the mirror cannot know (charges of one second among the newest
     * asked for, and the next), which must be left to the live query.
     *
     * @return how many were answered from the mirror
     */
    int assertAllAgree(long now) {
        int answered = 0;
        for (Query query : queries(now)) {
            if (query.type().equals("stripe.recent_charges") && tieAmongNewest(limit(query) + 1)) {
                assertThat(run(query).mirrored()).as("%s with charges of one second", query).isEmpty();
                continue;
            }
            assertSame(query);
            answered++;
        }
        return answered;
    }

    private static int limit(Query query) {
        try {
            JsonNode parameters = query.parameters() == null ? JSON.createObjectNode() : JSON.readTree(query.parameters());
            return parameters.path("limit").asInt(10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether two of the newest {@code count} mirrored charges share a creation second. */
    boolean tieAmongNewest(int count) {
        List<ObjectNode> charges = mirror.records("charges");
        for (int i = 1; i < Math.min(count, charges.size()); i++) {
            if (charges.get(i - 1).get("created").asLong() == charges.get(i).get("created").asLong()) {
                return true;
            }
        }
        return false;
    }

    /** The three queries with every kind of parameter, for an account whose clock reads {@code now}. */
    static List<Query> queries(long now) {
        List<Query> queries = new ArrayList<>();
        queries.add(new Query("stripe.mrr", null));
        for (String currency : List.of("usd", "eur", "gbp", "jpy")) {
            queries.add(new Query("stripe.mrr", "{\"currency\": \"" + currency + "\"}"));
        }
        queries.add(new Query("stripe.recent_charges", null));
        for (int limit : List.of(1, 2, 3, 5, 25, 100)) {
            queries.add(new Query("stripe.recent_charges", "{\"limit\": " + limit + "}"));
        }
        queries.add(new Query("stripe.revenue", null));
        for (int days : List.of(1, 7, 60, 365, 3660)) {
            queries.add(new Query("stripe.revenue", "{\"days\": " + days + "}"));
        }
        for (String currency : List.of("usd", "eur", "gbp", "jpy")) {
            queries.add(new Query("stripe.revenue", "{\"days\": 400, \"currency\": \"" + currency + "\"}"));
        }
        queries.add(new Query("stripe.revenue", "{\"created_gte\": " + (now - 45 * DAY) + "}"));
        queries.add(new Query("stripe.revenue", "{\"created_gte\": " + (now - 45 * DAY) + ", \"created_lt\": " + (now - 2 * DAY) + "}"));
        queries.add(new Query("stripe.revenue", "{\"created_lt\": " + (now - 2 * DAY) + ", \"days\": 90}"));
        queries.add(new Query("stripe.revenue", "{\"created_gte\": " + (now - 400 * DAY) + ", \"created_lt\": " + (now - 200 * DAY) + "}"));
        // Fractions of a second, which Stripe's whole-second filter drops.
        queries.add(new Query("stripe.revenue", "{\"created_gte\": \"" + Instant.ofEpochSecond(now - 10 * DAY).plusMillis(500)
                + "\", \"created_lt\": \"" + Instant.ofEpochSecond(now - DAY).plus(Duration.ofMillis(250)) + "\"}"));
        // An empty period, and one that starts after it ends (created_gte in the future).
        queries.add(new Query("stripe.revenue", "{\"created_gte\": " + now + "}"));
        queries.add(new Query("stripe.revenue", "{\"created_gte\": " + (now + 3_600) + "}"));
        return queries;
    }
}
