package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.LoadedPlugin;
import io.tributary.connector.host.PluginClassLoader;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.server.plugins.HelpdeskPlugin;
import io.tributary.server.plugins.HelpdeskUpstream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The helpdesk example connector, a third party's connector written against the SPI alone, run as
 * a plugin through the whole flow: a data source, blocks bound to both its queries, a refresh on
 * cadence, a signed webhook that refreshes the blocks it made stale, a dataset backfilled from its
 * stream and kept current, and the audit rows all of that left. Its upstream is a fake helpdesk on
 * the loopback that only this class uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpdeskPluginFlowTest {

    private static final String API_TOKEN = "hd_pluginFlow0000000000001";
    private static final String SIGNING_SECRET = "whsec_helpdeskPluginFlow0123";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HelpdeskUpstream helpdesk;
    private TestServer server;
    private Api api;
    private Path pluginDirectory;

    @BeforeAll
    void start() {
        helpdesk = HelpdeskUpstream.start(API_TOKEN);
        server = new TestServer(FakeStripeAccount.create(), Map.of("connectors.helpdesk.api_base", helpdesk.baseUrl()));
        pluginDirectory = HelpdeskPlugin.layOut(server.dataDirectory().resolve("plugins"));
        server.start();
        api = server.api();
    }

    @AfterAll
    void stop() {
        try {
            server.close();
        } finally {
            helpdesk.close();
        }
    }

    @Test
    void theHelpdeskComesFromItsPluginDirectoryAndNotFromTheClassPath() {
        assertThatThrownBy(() -> Class.forName(HelpdeskPlugin.FACTORY)).as("the helpdesk is not on the server's class path")
                .isInstanceOf(ClassNotFoundException.class);
        LoadedPlugin plugin = server.connectors().pluginOf("helpdesk").orElseThrow();
        assertThat(plugin.directory()).isEqualTo(pluginDirectory);
        assertThat(plugin.jars()).containsExactly(pluginDirectory.resolve("helpdesk-connector.jar"));
        InstalledConnector installed = server.connectors().find("helpdesk").orElseThrow();
        assertThat(installed.implementation().getClassLoader()).isInstanceOf(PluginClassLoader.class).isSameAs(plugin.classLoader());

        Api.Reply listed = api.get("/api/v1/connectors", workspace("Listing"));
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(listed.body().get("brokenPlugins")).isEmpty();
        JsonNode view = StreamSupport.stream(listed.body().get("connectors").spliterator(), false)
                .filter(connector -> connector.get("typeId").asText().equals("helpdesk")).findFirst().orElseThrow();
        assertThat(view.get("displayName").asText()).isEqualTo("Helpdesk");
        assertThat(view.get("queryTypes")).extracting(type -> type.get("id").asText())
                .containsExactly("helpdesk.open_tickets", "helpdesk.recent_tickets");
        assertThat(view.get("streams")).extracting(stream -> stream.get("name").asText()).containsExactly("tickets");
        assertThat(view.get("capabilities")).extracting(JsonNode::asText).containsExactly("webhooks", "streams");
        assertThat(view.get("credentialFields")).extracting(field -> field.get("name").asText())
                .containsExactly("api_token", "webhook_secret");
    }

    @Test
    void aHelpdeskSourceIsRefreshedOnCadenceAndByASignedWebhookMirrorsItsTicketsAndIsAudited() throws Exception {
        Instant now = server.clock().instant();
        ObjectNode invoice = helpdesk.ticket("t_1", "Invoice", "normal", now.minus(Duration.ofDays(3)), "bob@example.com");
        helpdesk.ticket("t_2", "Login", "normal", now.minus(Duration.ofDays(2)), null);
        helpdesk.ticket("t_3", "Refund", "urgent", now.minus(Duration.ofDays(1)), "ann@example.com");
        String token = workspace("Support");

        // A data source and a block on each query. The scheduler waits meanwhile, so the source's
        // first full refresh (a new source is due at once) finds both blocks instead of racing them.
        server.scheduler().quartz().standby();
        Api.Reply created = api.post("/api/v1/data-sources", token, Map.of("type", "helpdesk", "label", "Support desk",
                "credentials", Map.of("apiToken", API_TOKEN, "webhookSecret", SIGNING_SECRET), "cadenceMinutes", 5));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String sourceId = created.body().get("id").asText();
        assertThat(created.body().get("mode").asText()).as("a signing secret makes the push mode").isEqualTo("push");
        assertThat(created.body().get("accountId").asText()).isEqualTo(HelpdeskUpstream.ACCOUNT_ID);
        assertThat(created.body().get("livemode").asBoolean()).isTrue();
        assertThat(created.body().at("/credentials/apiToken/kind").asText()).isEqualTo("hd_");
        assertThat(created.body().at("/credentials/apiToken/last4").asText()).isEqualTo("0001");
        assertThat(created.body().at("/credentials/webhookSecret/kind").asText()).isEqualTo("whsec_");
        assertThat(created.body().get("webhookUrl").asText()).endsWith("/webhooks/helpdesk/" + sourceId);
        assertThat(created.body().get("permissions")).extracting(permission -> permission.get("id").asText() + " "
                + permission.get("available").asBoolean())
                .containsExactly("helpdesk.open_tickets true", "helpdesk.recent_tickets true", "tickets true");
        assertThat(created.raw()).doesNotContain(API_TOKEN).doesNotContain(SIGNING_SECRET);

        Api.Reply open = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "helpdesk.open_tickets", "params", Map.of()),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "count"),
                        "oldest", Map.of("source", "oldest_created_at"))))));
        assertThat(open.status()).as(open.raw()).isEqualTo(201);
        Api.Reply recent = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "helpdesk.recent_tickets", "params", Map.of("limit", 2)),
                "projection", Map.of("fields", Map.of("items", Map.of("source", "tickets", "each", Map.of("fields", Map.of(
                        "subject", Map.of("source", "subject"), "who", Map.of("source", "requester_email")))))))));
        assertThat(recent.status()).as(recent.raw()).isEqualTo(201);
        String openBlock = open.body().get("id").asText();
        String recentBlock = recent.body().get("id").asText();
        assertThat(open.body().at("/widget/data/value").asLong()).as("refreshed as it was made").isEqualTo(3);
        assertThat(open.body().at("/widget/data/oldest").asLong()).isEqualTo(invoice.get("created_at").asLong());
        assertThat(subjects(recent.body())).containsExactly("Refund", "Login");
        assertThat(recent.body().at("/widget/data/items/0/who").asText()).isEqualTo("ann@example.com");
        server.scheduler().quartz().start();
        server.awaitIdle();
        assertThat(refreshes(sourceId)).as("the first full refresh").isEqualTo(1);

        // On cadence: a ticket opened now shows once five minutes have passed on the server's clock, not before.
        helpdesk.ticket("t_4", "Outage", "urgent", server.clock().instant().minusSeconds(60), "cy@example.com");
        long ticketReads = helpdesk.requests("/v1/tickets");
        server.awaitIdle();
        assertThat(value(token, openBlock)).as("not due yet").isEqualTo(3);
        assertThat(helpdesk.requests("/v1/tickets")).as("nothing asked the helpdesk").isEqualTo(ticketReads);
        server.clock().advance(Duration.ofMinutes(6));
        Await.event(server.scheduler().activity().refreshed(sourceId, 2), WAIT, "the refresh on cadence");
        assertThat(value(token, openBlock)).isEqualTo(4);
        assertThat(subjects(block(token, recentBlock))).containsExactly("Outage", "Refund");
        server.awaitIdle();
        assertThat(refreshes(sourceId)).isEqualTo(2);

        // A signed webhook: a forgery is refused; the genuine delivery refreshes the blocks it makes stale.
        helpdesk.ticket("t_5", "Password reset", "low", server.clock().instant().minusSeconds(30), "dee@example.com");
        String event = "{\"id\":\"evt_hd_1\",\"type\":\"ticket.created\",\"created\":" + server.clock().instant().getEpochSecond()
                + ",\"ticket\":{\"id\":\"t_5\"}}";
        HttpResponse<String> forged = HelpdeskDeliveries.deliver(server, sourceId, "whsec_notTheSecret0000", event);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(forged.body()).contains("webhook_signature_invalid");
        HttpResponse<String> delivered = HelpdeskDeliveries.deliver(server, sourceId, SIGNING_SECRET, event);
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(JSON.readTree(delivered.body())).isEqualTo(JSON.readTree("{\"received\":1,\"duplicates\":0}"));
        Await.event(server.scheduler().activity().refreshed(sourceId, 3), WAIT, "the webhook's refresh");
        assertThat(value(token, openBlock)).isEqualTo(5);
        assertThat(subjects(block(token, recentBlock))).containsExactly("Password reset", "Outage");
        HttpResponse<String> repeated = HelpdeskDeliveries.deliver(server, sourceId, SIGNING_SECRET, event);
        assertThat(JSON.readTree(repeated.body())).isEqualTo(JSON.readTree("{\"received\":1,\"duplicates\":1}"));
        server.awaitIdle();
        assertThat(refreshes(sourceId)).as("the repeated event refreshed nothing").isEqualTo(3);

        // A dataset: the tickets stream is backfilled, then kept current on the source's cadence.
        Api.Reply selected = api.put("/api/v1/data-sources/" + sourceId + "/datasets", token,
                Map.of("datasets", List.of(Map.of("stream", "tickets"))));
        assertThat(selected.status()).as(selected.raw()).isEqualTo(200);
        server.awaitIdle();
        JsonNode tickets = dataset(token, sourceId);
        assertThat(tickets.get("state").asText()).as(tickets.toString()).isEqualTo("synced");
        assertThat(tickets.get("mode").asText()).isEqualTo("incremental");
        assertThat(tickets.get("objects").asLong()).isEqualTo(5);
        assertThat(tickets.get("lastError").isNull()).isTrue();
        assertRecordsAreTheHelpdesksTickets(token, sourceId);

        server.clock().advance(Duration.ofMinutes(1));
        helpdesk.ticket("t_6", "Feature request", "low", server.clock().instant().minusSeconds(10), null); // opened after the backfill read
        server.clock().advance(Duration.ofMinutes(5));
        Await.event(server.scheduler().activity().refreshed(sourceId, 4), WAIT, "the second refresh on cadence");
        server.awaitIdle();
        assertThat(dataset(token, sourceId).get("objects").asLong()).isEqualTo(6);
        assertRecordsAreTheHelpdesksTickets(token, sourceId);
        assertThat(value(token, openBlock)).isEqualTo(6);

        // The audit log: who opened the credentials for what, in order; the chain verifies.
        String actor = "token:" + token.substring(4, token.lastIndexOf('_'));
        String system = "system:scheduledRunner";
        List<JsonNode> events = auditEvents(token);
        assertThat(events).extracting(e -> e.get("actor").asText() + " " + e.get("action").asText()).containsExactly(
                "admin workspace.create", "admin token.create",
                actor + " data_source.create",
                actor + " block.create", actor + " credential.decrypt", // each block ran its query as it was made
                actor + " block.create", actor + " credential.decrypt",
                system + " credential.decrypt", // the first full refresh
                system + " credential.decrypt", // on cadence
                "system:helpdeskWebhook credential.decrypt", // the genuine delivery's refresh; the forgery opened nothing
                actor + " dataset.select",
                system + " credential.decrypt", // the backfill
                system + " credential.decrypt", system + " credential.decrypt"); // the next cadence: a refresh and a sync
        assertThat(events.get(2).get("target").asText()).isEqualTo("data_source:" + sourceId);
        assertThat(events.get(2).get("detail")).isEqualTo(JSON.readTree(
                "{\"type\":\"helpdesk\",\"account\":\"" + HelpdeskUpstream.ACCOUNT_ID + "\"}"));
        assertThat(events.get(3).at("/detail/query_type").asText()).isEqualTo("helpdesk.open_tickets");
        assertThat(events.get(5).at("/detail/query_type").asText()).isEqualTo("helpdesk.recent_tickets");
        assertThat(events.get(10).at("/detail/streams").asText()).isEqualTo("tickets");
        assertThat(events.stream().filter(e -> e.get("action").asText().equals("credential.decrypt"))).hasSize(8).allSatisfy(e -> {
            assertThat(e.get("target").asText()).isEqualTo("data_source:" + sourceId);
            assertThat(e.at("/detail/field").asText()).as("only the API token is opened, never the signing secret").isEqualTo("credentials");
            assertThat(e.at("/detail/outcome").asText()).isEqualTo("ok");
        });
        Api.Reply verified = api.get("/api/v1/audit-log/verify", token);
        assertThat(verified.body().get("valid").asBoolean()).as(verified.raw()).isTrue();
        assertThat(verified.body().get("rowsChecked").asLong()).isEqualTo(events.size());
    }

    /** The mirrored tickets, read through the datasets API, are the helpdesk's, field for field. */
    private void assertRecordsAreTheHelpdesksTickets(String token, String sourceId) throws Exception {
        Api.Reply page = api.get("/api/v1/data-sources/" + sourceId + "/datasets/tickets/records?limit=100", token);
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        assertThat(page.body().get("nextCursor").isNull()).isTrue();
        Map<String, JsonNode> records = new LinkedHashMap<>();
        page.body().get("records").forEach(record -> records.put(record.get("id").asText(), record));
        List<ObjectNode> upstream = helpdesk.tickets();
        assertThat(records.keySet()).as("newest first").containsExactlyElementsOf(upstream.stream().map(t -> t.get("id").asText()).toList());
        for (ObjectNode ticket : upstream) {
            JsonNode record = records.get(ticket.get("id").asText());
            assertThat(record.get("data")).isEqualTo(JSON.readTree(ticket.toString()));
            assertThat(Instant.parse(record.get("createdAt").asText())).isEqualTo(Instant.ofEpochSecond(ticket.get("created_at").asLong()));
            assertThat(record.get("deleted").asBoolean()).isFalse();
        }
    }

    private JsonNode dataset(String token, String sourceId) {
        Api.Reply reply = api.get("/api/v1/data-sources/" + sourceId + "/datasets", token);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body().get("datasets")).hasSize(1);
        return reply.body().get("datasets").get(0);
    }

    private List<JsonNode> auditEvents(String token) {
        Api.Reply reply = api.get("/api/v1/audit-log", token);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body().get("nextCursor").isNull()).as("fits one page").isTrue();
        return StreamSupport.stream(reply.body().get("events").spliterator(), false).toList();
    }

    private long refreshes(String sourceId) {
        return server.scheduler().activity().refreshes(sourceId);
    }

    private JsonNode block(String token, String id) {
        Api.Reply reply = api.get("/api/v1/blocks/" + id, token);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body().get("lastErrorCode").isNull()).as(reply.raw()).isTrue();
        return reply.body();
    }

    private long value(String token, String blockId) {
        return block(token, blockId).at("/widget/data/value").asLong();
    }

    private static List<String> subjects(JsonNode block) {
        return StreamSupport.stream(block.at("/widget/data/items").spliterator(), false).map(item -> item.get("subject").asText()).toList();
    }

    private String workspace(String name) {
        Api.Reply created = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", name, "plan", "free"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("apiToken").asText();
    }
}
