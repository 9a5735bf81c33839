package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /api/v1/audit-log} end to end: a workspace creates and tests a data source, then reads and
 * verifies its own log through the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogResourceTest {

    private static final String LOG = "/api/v1/audit-log";

    private TestServer server;
    private Api api;
    private Workspace acme;
    private String sourceId;

    /** A workspace as the tests use it: its id, token, and how the audit log names the token. */
    private record Workspace(String id, String token) {
        String actor() {
            return "token:" + token.substring(4, token.lastIndexOf('_'));
        }
    }

    @BeforeAll
    void start() {
        server = new TestServer(FakeStripeAccount.create()).start();
        api = server.api();
        // The server's clock stands still unless moved: a minute between steps gives each event its own time.
        acme = newWorkspace("Acme");
        server.clock().advance(Duration.ofMinutes(1));
        String key = server.stripe().addKey(KeyAccess.allReads());
        Api.Reply source = api.post("/api/v1/data-sources", acme.token(), Map.of("type", "stripe", "label", "Main",
                "credentials", Map.of("apiKey", key)));
        assertThat(source.status()).as(source.raw()).isEqualTo(201);
        sourceId = source.body().get("id").asText();
        for (int i = 0; i < 2; i++) {
            server.clock().advance(Duration.ofMinutes(1));
            Api.Reply tested = api.post("/api/v1/data-sources/" + sourceId + "/test", acme.token(), Map.of());
            assertThat(tested.status()).as(tested.raw()).isEqualTo(200);
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Workspace newWorkspace(String name) {
        Api.Reply created = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", name, "plan", "free"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Workspace(created.body().get("id").asText(), created.body().get("apiToken").asText());
    }

    /** Every event of the workspace, read with the API's default page (the workspaces here are small). */
    private List<JsonNode> allEvents(Workspace workspace) {
        Api.Reply reply = read(workspace, Map.of());
        assertThat(reply.body().get("nextCursor").isNull()).as("fits one page").isTrue();
        return events(reply);
    }

    private Api.Reply read(Workspace workspace, Map<String, String> query) {
        Api.Reply reply = api.get(LOG + queryString(query), workspace.token());
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply;
    }

    private static String queryString(Map<String, String> query) {
        return query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static List<JsonNode> events(Api.Reply reply) {
        return StreamSupport.stream(reply.body().get("events").spliterator(), false).toList();
    }

    private static List<Long> seqs(List<JsonNode> events) {
        return events.stream().map(e -> e.get("seq").asLong()).toList();
    }

    @Test
    void theLogShowsWhatHappenedInSeqOrderWithWhoDidIt() {
        List<JsonNode> events = allEvents(acme);

        assertThat(seqs(events)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events).extracting(e -> e.get("action").asText())
                .containsExactly("workspace.create", "token.create", "data_source.create", "credential.decrypt", "credential.decrypt");
        assertThat(events).extracting(e -> e.get("actor").asText())
                .containsExactly("admin", "admin", acme.actor(), acme.actor(), acme.actor());
        assertThat(events.get(0).get("target").asText()).isEqualTo("workspace:" + acme.id());
        assertThat(events.get(0).at("/detail/plan").asText()).isEqualTo("free");
        assertThat(events.get(1).at("/detail/scope").asText()).as("the workspace's first token").isEqualTo("admin");
        for (JsonNode decrypt : events.subList(3, 5)) {
            assertThat(decrypt.get("target").asText()).isEqualTo("data_source:" + sourceId);
            assertThat(decrypt.at("/detail/outcome").asText()).isEqualTo("ok");
        }
        List<Instant> times = events.stream().map(e -> Instant.parse(e.get("time").asText())).toList();
        assertThat(times).isSorted();
        assertThat(events.get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("seq", "time", "actor", "action", "target", "detail");
    }

    @Test
    void filtersByActorActionAndTime() {
        List<JsonNode> all = allEvents(acme);

        assertThat(seqs(events(read(acme, Map.of("actor", "admin"))))).containsExactly(1L, 2L);
        assertThat(seqs(events(read(acme, Map.of("actor", acme.actor()))))).containsExactly(3L, 4L, 5L);
        assertThat(seqs(events(read(acme, Map.of("action", "credential.decrypt"))))).containsExactly(4L, 5L);
        assertThat(seqs(events(read(acme, Map.of("actor", "admin", "action", "credential.decrypt"))))).isEmpty();
        assertThat(seqs(events(read(acme, Map.of("actor", "token:tokNobodyAtAll0", "action", ""))))).isEmpty();

        List<Instant> times = all.stream().map(e -> Instant.parse(e.get("time").asText())).toList();
        assertThat(times.subList(1, 5)).as("a minute apart after the workspace and its token, see start()").doesNotHaveDuplicates();
        String second = times.get(2).toString();
        String third = times.get(3).toString();
        assertThat(seqs(events(read(acme, Map.of("since", second))))).containsExactly(3L, 4L, 5L);
        assertThat(seqs(events(read(acme, Map.of("until", second))))).containsExactly(1L, 2L);
        assertThat(seqs(events(read(acme, Map.of("since", second, "until", third))))).containsExactly(3L);
        assertThat(seqs(events(read(acme, Map.of("since", third, "action", "credential.decrypt"))))).containsExactly(4L, 5L);
        assertThat(seqs(events(read(acme, Map.of("since", times.get(4).plusSeconds(1).toString()))))).isEmpty();
        // Instants with an offset and with fractions name the same moments.
        assertThat(seqs(events(read(acme, Map.of("until", times.get(2).atOffset(java.time.ZoneOffset.ofHours(2)).toString())))))
                .containsExactly(1L, 2L);
        assertThat(seqs(events(read(acme, Map.of("since", times.get(2).minusNanos(1).toString()))))).containsExactly(3L, 4L, 5L);
        // An instant with an offset names the same moment.
        assertThat(seqs(events(read(acme, Map.of("since", "2000-01-01T01:00:00+01:00"))))).containsExactlyElementsOf(seqs(all));
    }

    @Test
    void pagingWithLimitOneWalksEveryEventExactlyOnce() {
        List<Long> expected = seqs(allEvents(acme));

        assertThat(walk(acme, Map.of())).containsExactlyElementsOf(expected);
        assertThat(walk(acme, Map.of("action", "credential.decrypt"))).containsExactly(4L, 5L);
    }

    /** Follows nextCursor with one event a page, checking each page, and returns every seq seen. */
    private List<Long> walk(Workspace workspace, Map<String, String> filters) {
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            Map<String, String> query = new LinkedHashMap<>(filters);
            query.put("limit", "1");
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            Api.Reply reply = read(workspace, query);
            List<JsonNode> events = events(reply);
            JsonNode next = reply.body().get("nextCursor");
            assertThat(next).as("nextCursor is always present, null on the last page").isNotNull();
            assertThat(events).hasSizeLessThanOrEqualTo(1);
            seen.addAll(seqs(events));
            if (next.isNull()) {
                return seen;
            }
            assertThat(events).as("a page with a next cursor is full").hasSize(1);
            cursor = next.asText();
        }
        throw new AssertionError("paging did not end after 100 pages: " + seen);
    }

    @Test
    void anIntactLogVerifies() {
        Api.Reply verified = api.get(LOG + "/verify", acme.token());

        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        assertThat(verified.body().get("valid").asBoolean()).isTrue();
        assertThat(verified.body().get("rowsChecked").asLong()).isEqualTo(allEvents(acme).size());
        assertThat(verified.body().get("firstBadSeq").isNull()).isTrue();
        assertThat(verified.body().get("problem").isNull()).isTrue();
        assertThat(verified.body().get("message").isNull()).isTrue();
    }

    @Test
    void anEditedEventFailsVerificationAtItsSeq() {
        Workspace victim = newWorkspace("Victim");
        api.patch("/api/v1/workspaces/" + victim.id(), victim.token(), Map.of("name", "Renamed"));
        api.patch("/api/v1/workspaces/" + victim.id(), victim.token(), Map.of("name", "Renamed again"));
        assertThat(api.get(LOG + "/verify", victim.token()).body().get("valid").asBoolean()).isTrue();

        // An attacker with superuser access turns the append-only triggers off and rewrites history.
        database().useTransaction(handle -> {
            handle.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            handle.createUpdate("UPDATE audit_event SET actor = 'token:tokSomeoneElse00' WHERE workspace = :w AND seq = 2").bind("w", victim.id()).execute();
            handle.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
        });

        // The rows were verified before the edit: only a full verification reads them again.
        Api.Reply verified = api.get(LOG + "/verify?full=true", victim.token());
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().get("rowsRead").asLong()).isEqualTo(2);
        assertThat(verified.body().get("valid").asBoolean()).isFalse();
        assertThat(verified.body().get("rowsChecked").asLong()).isEqualTo(1);
        assertThat(verified.body().get("firstBadSeq").asLong()).isEqualTo(2);
        assertThat(verified.body().get("problem").asText()).isEqualTo("hash_mismatch");
        assertThat(verified.body().get("message").asText()).isNotBlank();
        assertThat(api.get(LOG + "/verify", acme.token()).body().get("valid").asBoolean()).as("other chains are unaffected").isTrue();
    }

    @Test
    void aWorkspaceReadsOnlyItsOwnLogAndCannotNameAnother() {
        Workspace other = newWorkspace("Other");

        List<JsonNode> own = allEvents(other);
        assertThat(own).extracting(e -> e.get("action").asText()).containsExactly("workspace.create", "token.create");
        assertThat(own.get(0).get("target").asText()).isEqualTo("workspace:" + other.id());
        // A workspace parameter is not a filter: the token decides, whatever the request says.
        assertThat(events(read(other, Map.of("workspace", acme.id())))).extracting(e -> e.get("target").asText())
                .containsExactly("workspace:" + other.id(), own.get(1).get("target").asText());
        assertThat(events(read(other, Map.of("actor", acme.actor())))).isEmpty();
        assertThat(events(read(other, Map.of("action", "credential.decrypt")))).isEmpty();
        // A cursor is a position in the caller's own chain, never a way into another's.
        String acmeCursor = read(acme, Map.of("limit", "4")).body().get("nextCursor").asText();
        assertThat(events(read(other, Map.of("cursor", acmeCursor)))).isEmpty();
        Api.Reply verified = api.get(LOG + "/verify", other.token());
        assertThat(verified.body().get("rowsChecked").asLong()).isEqualTo(2);
    }

    @Test
    void theAdminReadsTheServersOwnChainAndNoWorkspacesOne() {
        for (String path : List.of(LOG + "?limit=500", LOG + "?limit=500&workspace=" + acme.id())) {
            Api.Reply chain = api.get(path, TestServer.ADMIN_TOKEN);
            assertThat(chain.status()).as(path).isEqualTo(200);
            assertThat(events(chain)).extracting(e -> e.get("target").asText()).as(path)
                    .contains("server_secret:audit_seal_key").doesNotContain("workspace:" + acme.id());
            assertThat(events(chain)).extracting(e -> e.get("actor").asText()).contains("system:startup");
        }
        Api.Reply verified = api.get(LOG + "/verify", TestServer.ADMIN_TOKEN);
        assertThat(verified.body().get("valid").asBoolean()).isTrue();
        assertThat(verified.body().get("rowsChecked").asLong()).isPositive();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "since, yesterday",
        "since, 2025-03-01",
        "since, 2025-03-01T12:00:00",
        "until, 2025-13-01T00:00:00Z",
        "limit, 0",
        "limit, 501",
        "limit, -1",
        "limit, ten",
        "limit, 99999999999",
        "cursor, not-a-cursor",
        "cursor, djE6LTE",
        "cursor, djE6eA",
    })
    void aBadFilterValueIsRefusedWith422NamingIt(String field, String value) {
        Api.Reply refused = api.get(LOG + queryString(Map.of(field, value)), acme.token());

        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo("invalid_request");
        assertThat(refused.errorField()).isEqualTo(field);
        assertThat(refused.body().at("/error/message").asText()).isNotBlank();
    }

    @Test
    void sinceMustBeBeforeUntil() {
        Api.Reply refused = api.get(LOG + queryString(Map.of("since", "2025-03-01T12:00:00Z", "until", "2025-03-01T12:00:00Z")),
                acme.token());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorField()).isEqualTo("until");
    }

    @Test
    void theLimitBoundsAreAccepted() {
        assertThat(events(read(acme, Map.of("limit", "500")))).hasSize(allEvents(acme).size());
        assertThat(events(read(acme, Map.of("limit", "1")))).hasSize(1);
    }

    private Jdbi database() {
        return server.database();
    }
}
