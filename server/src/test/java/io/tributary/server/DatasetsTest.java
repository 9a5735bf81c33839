package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.FakeStripePermission;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.WebhookPayloads;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Datasets end to end against the fake Stripe: selecting streams, the backfill, changes through
 * events and webhooks, the lookback, the API version trap, an expired cursor, per-stream errors,
 * paging records, resync and removal. The fake account's clock and the server's move together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetsTest {

    private static final String SIGNING_SECRET = "whsec_datasets0123456789abcd";
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);

    private TestServer server;
    private Api api;
    private FakeStripeAccount account;

    @BeforeAll
    void start() {
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        account = FakeStripeAccount.generate(11, AccountSize.of(60, 30, 80), now.minus(Duration.ofDays(400)), now);
        server = new TestServer(account, Map.of("mirror.readers", "4", "mirror.windows", "4", "mirror.pageSize", "25"));
        server.clock().set(now); // before the server starts: the clock never moves back under a running sync
        server.start();
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private record Source(String token, String id, String key) {
    }

    private Source source(List<Map<String, Object>> datasets, boolean push) {
        String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Mirror", "plan", "builder"))
                .body().get("apiToken").asText();
        String key = server.stripe().addKey(KeyAccess.allReads());
        Map<String, String> credentials = push ? Map.of("apiKey", key, "webhookSecret", SIGNING_SECRET) : Map.of("apiKey", key);
        Api.Reply created = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", credentials,
                "cadenceMinutes", 15, "datasets", datasets));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Source(token, created.body().get("id").asText(), key);
    }

    /** Moves the server's clock and the fake account's together. */
    private void advance(Duration by) {
        server.clock().advance(by);
        account.advanceClock(by);
    }

    private JsonNode datasets(Source source) {
        Api.Reply reply = api.get("/api/v1/data-sources/" + source.id() + "/datasets", source.token());
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body().get("datasets");
    }

    private JsonNode dataset(Source source, String stream) {
        for (JsonNode dataset : datasets(source)) {
            if (dataset.get("stream").asText().equals(stream)) {
                return dataset;
            }
        }
        throw new AssertionError("No dataset " + stream);
    }

    private void awaitSynced(Source source) throws InterruptedException {
        assertThat(Eventually.within(SYNC_TIMEOUT, () -> {
            JsonNode all = datasets(source);
            for (JsonNode dataset : all) {
                if (!dataset.get("state").asText().equals("synced")) {
                    return false;
                }
            }
            return !all.isEmpty();
        })).as("every dataset synced: %s", datasets(source)).isTrue();
    }

    /** Every record of a dataset, paged through the API. */
    private Map<String, JsonNode> records(Source source, String stream, String query) {
        Map<String, JsonNode> all = new HashMap<>();
        String cursor = null;
        do {
            String path = "/api/v1/data-sources/" + source.id() + "/datasets/" + stream + "/records?limit=7" + query
                    + (cursor == null ? "" : "&cursor=" + cursor);
            Api.Reply page = api.get(path, source.token());
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            for (JsonNode record : page.body().get("records")) {
                assertThat(all.put(record.get("id").asText(), record)).as("each record once").isNull();
            }
            cursor = page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asText();
        } while (cursor != null);
        return all;
    }

    private Set<String> fakeIds(String objectName) {
        return account.objects(objectName).stream().map(object -> object.get("id").asText()).collect(Collectors.toSet());
    }

    @Test
    void aSelectedStreamIsBackfilledAndMatchesTheAccountExactly() throws Exception {
        Source source = source(List.of(Map.of("stream", "customers"), Map.of("stream", "charges"),
                Map.of("stream", "subscriptions"), Map.of("stream", "invoice_line_items")), false);

        awaitSynced(source);

        Map<String, JsonNode> customers = records(source, "customers", "");
        assertThat(customers.keySet()).isEqualTo(fakeIds("customer"));
        for (ObjectNode customer : account.objects("customer")) {
            assertThat(customers.get(customer.get("id").asText()).get("data")).isEqualTo(normalized(customer));
        }
        assertThat(records(source, "charges", "").keySet()).isEqualTo(fakeIds("charge"));
        assertThat(records(source, "subscriptions", "").keySet()).isEqualTo(fakeIds("subscription"));
        assertThat(records(source, "invoice_line_items", "").keySet()).isEqualTo(fakeIds("line_item"));
        JsonNode charges = dataset(source, "charges");
        assertThat(charges.get("mode").asText()).isEqualTo("incremental");
        assertThat(charges.get("objects").asLong()).isEqualTo(account.count("charge"));
        assertThat(charges.get("lastError").isNull()).isTrue();
        assertThat(dataset(source, "invoice_line_items").get("mode").asText()).isEqualTo("full_refresh");
        assertThat(api.get("/api/v1/data-sources/" + source.id(), source.token()).body().get("datasets"))
                .extracting(JsonNode::asText).containsExactly("charges", "customers", "invoice_line_items", "subscriptions");
    }

    @Test
    void recordsPageNewestFirstWithinTimeBoundsAndFilters() throws Exception {
        Source source = source(List.of(Map.of("stream", "charges")), false);
        awaitSynced(source);

        Api.Reply first = api.get("/api/v1/data-sources/" + source.id() + "/datasets/charges/records?limit=5", source.token());
        List<Long> created = new ArrayList<>();
        first.body().get("records").forEach(record -> created.add(Instant.parse(record.get("createdAt").asText()).getEpochSecond()));
        assertThat(created).hasSize(5).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        List<ObjectNode> all = account.objects("charge");
        Instant middle = Instant.ofEpochSecond(all.get(all.size() / 2).get("created").asLong());
        Set<String> newer = all.stream().filter(charge -> charge.get("created").asLong() >= middle.getEpochSecond())
                .map(charge -> charge.get("id").asText()).collect(Collectors.toSet());
        assertThat(records(source, "charges", "&created_gte=" + middle).keySet()).isEqualTo(newer);
        assertThat(records(source, "charges", "&created_lt=" + middle.getEpochSecond()).keySet())
                .isEqualTo(fakeIds("charge").stream().filter(id -> !newer.contains(id)).collect(Collectors.toSet()));

        Set<String> succeeded = all.stream().filter(charge -> charge.get("status").asText().equals("succeeded"))
                .map(charge -> charge.get("id").asText()).collect(Collectors.toSet());
        assertThat(succeeded).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(records(source, "charges", "&filter=status%3Dsucceeded").keySet()).isEqualTo(succeeded);
        String customer = all.get(0).get("customer").asText();
        assertThat(records(source, "charges", "&filter=status%3Dsucceeded&filter=customer%3D" + customer).keySet())
                .isEqualTo(all.stream().filter(charge -> succeeded.contains(charge.get("id").asText())
                        && customer.equals(charge.get("customer").asText())).map(charge -> charge.get("id").asText()).collect(Collectors.toSet()));

        String base = "/api/v1/data-sources/" + source.id() + "/datasets/charges/records";
        assertThat(api.get(base + "?cursor=not-a-cursor", source.token()).errorCode()).isEqualTo("invalid_request");
        assertThat(api.get(base + "?limit=0", source.token()).status()).isEqualTo(422);
        assertThat(api.get(base + "?limit=ten", source.token()).status()).isEqualTo(422);
        assertThat(api.get(base + "?created_gte=yesterday", source.token()).status()).isEqualTo(422);
        assertThat(api.get(base + "?filter=" + URLEncoder.encode("a b=c", StandardCharsets.UTF_8), source.token()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/data-sources/" + source.id() + "/datasets/customers/records", source.token()).status())
                .as("a stream the source does not mirror").isEqualTo(404);
    }

    @Test
    void aSelectionIsCheckedBeforeAnythingIsStored() {
        String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Checks", "plan", "builder"))
                .body().get("apiToken").asText();
        String noPayouts = server.stripe().addKey(KeyAccess.allReadsExcept(FakeStripePermission.PAYOUT));

        Api.Reply unreadable = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", Map.of("apiKey", noPayouts),
                "datasets", List.of(Map.of("stream", "customers"), Map.of("stream", "payouts"))));
        assertThat(unreadable.status()).isEqualTo(422);
        assertThat(unreadable.errorCode()).isEqualTo("stream_not_readable");
        assertThat(unreadable.body().get("error").get("message").asText()).contains("payouts").contains("Payouts");
        assertThat(unreadable.body().get("error").get("field").asText()).isEqualTo("datasets[1].stream");
        assertThat(api.get("/api/v1/data-sources", token).body().get("dataSources")).as("nothing was created").isEmpty();

        for (Map<String, Object> bad : List.of(Map.<String, Object>of("stream", "nope"),
                Map.<String, Object>of("stream", "invoice_line_items", "mode", "incremental"),
                Map.<String, Object>of("stream", "charges", "mode", "sometimes"),
                Map.<String, Object>of("stream", "charges", "startDate", "2999-01-01"),
                Map.<String, Object>of("stream", "charges", "startDate", "last year"),
                Map.<String, Object>of("stream", "charges", "lookbackDays", 400),
                Map.<String, Object>of("stream", "invoice_line_items", "startDate", "2026-01-01"))) {
            Api.Reply refused = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", Map.of("apiKey", noPayouts),
                    "datasets", List.of(bad)));
            assertThat(refused.status()).as("%s: %s", bad, refused.raw()).isEqualTo(422);
            assertThat(refused.body().get("error").get("field").asText()).startsWith("datasets[0].");
        }

        Api.Reply every = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", Map.of("apiKey", noPayouts),
                "datasets", List.of(Map.of("stream", "*", "startDate", "2026-01-01"))));
        assertThat(every.status()).as(every.raw()).isEqualTo(201);
        List<String> selected = new ArrayList<>();
        every.body().get("datasets").forEach(name -> selected.add(name.asText()));
        assertThat(selected).as("every stream the key can read").contains("customers", "charges", "invoice_line_items")
                .doesNotContain("payouts").hasSize(23);
    }

    @Test
    void changesArriveThroughEventsAndDeletionsAreMarkedDeleted() throws Exception {
        Source source = source(List.of(Map.of("stream", "customers"), Map.of("stream", "products"), Map.of("stream", "subscriptions")), false);
        awaitSynced(source);
        String syncedAt = dataset(source, "customers").get("lastSyncAt").asText();

        advance(Duration.ofSeconds(5));
        String changed = account.objects("customer").get(3).get("id").asText();
        account.update("customer", changed, JsonNodeFactory.instance.objectNode().put("email", "changed@example.com"));
        String gone = account.objects("product").get(0).get("id").asText();
        account.delete("product", gone);
        String canceled = account.objects("subscription").stream().filter(sub -> sub.get("status").asText().equals("active"))
                .findFirst().orElseThrow().get("id").asText();
        account.delete("subscription", canceled);
        String added = account.customer("new@example.com");
        advance(Duration.ofMinutes(16)); // past the cadence: the due check syncs the source

        assertThat(Eventually.within(SYNC_TIMEOUT, () -> !dataset(source, "customers").get("lastSyncAt").asText().equals(syncedAt)
                && !dataset(source, "products").get("lastSyncAt").asText().equals(syncedAt))).isTrue();
        awaitSynced(source);

        Map<String, JsonNode> customers = records(source, "customers", "");
        assertThat(customers.keySet()).isEqualTo(fakeIds("customer")).contains(added);
        assertThat(customers.get(changed).get("data").get("email").asText()).isEqualTo("changed@example.com");
        assertThat(records(source, "products", "").keySet()).isEqualTo(fakeIds("product")).doesNotContain(gone);
        JsonNode deleted = records(source, "products", "&include_deleted=true").get(gone);
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(deleted.get("data").get("id").asText()).isEqualTo(gone);
        assertThat(records(source, "subscriptions", "").get(canceled).get("data").get("status").asText())
                .as("a canceled subscription is an update, not a deletion").isEqualTo("canceled");
    }

    @Test
    void theLookbackCatchesAChangeNoEventReported() throws Exception {
        Instant now = server.clock().instant();
        String customer = account.objects("customer").get(0).get("id").asText();
        String recentId = account.charge(customer, 1500, "usd", "succeeded", null, null, now.minus(Duration.ofDays(10)).getEpochSecond());
        String oldId = account.charge(customer, 2500, "usd", "succeeded", null, null, now.minus(Duration.ofDays(90)).getEpochSecond());
        Source source = source(List.of(Map.of("stream", "charges", "lookbackDays", 30)), false);
        awaitSynced(source);

        advance(Duration.ofSeconds(5));
        account.updateWithoutEvent("charge", recentId, JsonNodeFactory.instance.objectNode().put("description", "changed quietly"));
        account.updateWithoutEvent("charge", oldId, JsonNodeFactory.instance.objectNode().put("description", "changed quietly"));
        String before = dataset(source, "charges").get("lastSyncAt").asText();
        advance(Duration.ofMinutes(16));
        assertThat(Eventually.within(SYNC_TIMEOUT, () -> !dataset(source, "charges").get("lastSyncAt").asText().equals(before))).isTrue();

        Map<String, JsonNode> charges = records(source, "charges", "");
        assertThat(charges.get(recentId).get("data").get("description").asText()).isEqualTo("changed quietly");
        assertThat(charges.get(oldId).get("data").get("description").asText())
                .as("outside the lookback window only an event or a resync can tell").isNotEqualTo("changed quietly");

        Api.Reply resync = api.post("/api/v1/data-sources/" + source.id() + "/datasets/charges/resync", source.token(), Map.of());
        assertThat(resync.status()).as(resync.raw()).isEqualTo(202);
        assertThat(resync.body().get("state").asText()).isEqualTo("backfilling");
        awaitSynced(source);
        assertThat(records(source, "charges", "").get(oldId).get("data").get("description").asText()).isEqualTo("changed quietly");
    }

    @Test
    void anEventAtAnotherApiVersionIsReadAgainInsteadOfStoredPartial() throws Exception {
        Source source = source(List.of(Map.of("stream", "subscriptions")), false);
        awaitSynced(source);
        String before = dataset(source, "subscriptions").get("lastSyncAt").asText();
        String id = account.objects("subscription").get(0).get("id").asText();

        advance(Duration.ofSeconds(5));
        account.eventApiVersion("2024-06-20");
        try {
            account.update("subscription", id, JsonNodeFactory.instance.objectNode().put("description", "renamed"));
        } finally {
            account.eventApiVersion(null);
        }
        advance(Duration.ofMinutes(16));
        assertThat(Eventually.within(SYNC_TIMEOUT, () -> !dataset(source, "subscriptions").get("lastSyncAt").asText().equals(before))).isTrue();

        JsonNode mirrored = records(source, "subscriptions", "").get(id).get("data");
        assertThat(mirrored).as("the object as the pinned version reads it, not the event's payload")
                .isEqualTo(normalized(account.object("subscription", id).orElseThrow()));
        assertThat(server.stripe().requests().stream()
                .filter(request -> source.key().equals(request.apiKey()) && request.path().equals("/v1/subscriptions/" + id)).count())
                .as("read again once").isEqualTo(1);
    }

    @Test
    void aCursorOlderThanStripesHistoryRebackfillsAndSaysSo() throws Exception {
        Source source = source(List.of(Map.of("stream", "customers")), false);
        awaitSynced(source);
        advance(Duration.ofSeconds(5));
        String gone = account.objects("customer").get(5).get("id").asText();
        account.delete("customer", gone);
        String changed = account.objects("customer").get(1).get("id").asText();
        account.update("customer", changed, JsonNodeFactory.instance.objectNode().put("name", "Renamed While Away"));
        // The server was away for 31 days: Stripe has forgotten those events by now.
        advance(Duration.ofDays(31));

        assertThat(Eventually.within(SYNC_TIMEOUT, () -> !dataset(source, "customers").get("notice").isNull()
                && dataset(source, "customers").get("state").asText().equals("synced"))).isTrue();

        assertThat(dataset(source, "customers").get("notice").asText()).contains("read again in full");
        Map<String, JsonNode> customers = records(source, "customers", "");
        assertThat(customers.keySet()).isEqualTo(fakeIds("customer")).doesNotContain(gone);
        assertThat(customers.get(changed).get("data").get("name").asText()).isEqualTo("Renamed While Away");
        assertThat(records(source, "customers", "&include_deleted=true").get(gone).get("deleted").asBoolean())
                .as("not seen by the fresh backfill: marked deleted, not left as live").isTrue();
    }

    @Test
    void aPermissionTakenAwayFailsOnlyItsStreamAndSaysWhatToGrant() throws Exception {
        Source source = source(List.of(Map.of("stream", "customers"), Map.of("stream", "charges")), false);
        awaitSynced(source);
        server.stripe().addKey(source.key(), KeyAccess.allReadsExcept(FakeStripePermission.CHARGE));
        advance(Duration.ofSeconds(5));
        account.customer("after-revoke@example.com");
        String before = dataset(source, "customers").get("lastSyncAt").asText();
        advance(Duration.ofMinutes(16));

        assertThat(Eventually.within(SYNC_TIMEOUT, () -> !dataset(source, "charges").get("lastError").isNull()
                && !dataset(source, "customers").get("lastSyncAt").asText().equals(before))).isTrue();
        JsonNode charges = dataset(source, "charges");
        assertThat(charges.get("lastError").get("code").asText()).isEqualTo("permission_missing");
        assertThat(charges.get("lastError").get("permission").asText()).contains("Charges");
        assertThat(charges.get("state").asText()).isEqualTo("failed");
        JsonNode customers = dataset(source, "customers");
        assertThat(customers.get("lastError").isNull()).isTrue();
        assertThat(records(source, "customers", "").keySet()).isEqualTo(fakeIds("customer"));
    }

    @Test
    void aFullRefreshStreamIsReadWholeOnItsCadenceAndMarksWhatIsGoneDeleted() throws Exception {
        Source source = source(List.of(Map.of("stream", "invoice_line_items")), false);
        awaitSynced(source);
        assertThat(dataset(source, "invoice_line_items").get("mode").asText()).isEqualTo("full_refresh");
        String gone = account.objects("line_item").get(0).get("id").asText();
        advance(Duration.ofSeconds(5));
        account.delete("line_item", gone);
        String before = dataset(source, "invoice_line_items").get("lastSyncAt").asText();
        advance(Duration.ofMinutes(16));

        assertThat(Eventually.within(SYNC_TIMEOUT, () -> !dataset(source, "invoice_line_items").get("lastSyncAt").asText().equals(before)
                && dataset(source, "invoice_line_items").get("state").asText().equals("synced"))).isTrue();
        assertThat(records(source, "invoice_line_items", "").keySet()).isEqualTo(fakeIds("line_item")).doesNotContain(gone);
        assertThat(records(source, "invoice_line_items", "&include_deleted=true").get(gone).get("deleted").asBoolean()).isTrue();
    }

    @Test
    void aStreamThatStripeAnswers404IsSurfacedOnThatStream() throws Exception {
        Source source = source(List.of(Map.of("stream", "payouts"), Map.of("stream", "customers")), false);
        awaitSynced(source);
        String before = dataset(source, "payouts").get("lastSyncAt").asText();
        server.stripe().failNext("/v1/payouts", 20, 404);
        try {
            advance(Duration.ofMinutes(16));
            assertThat(Eventually.within(SYNC_TIMEOUT, () -> !dataset(source, "payouts").get("lastError").isNull())).isTrue();
        } finally {
            server.stripe().clearFaults();
        }
        JsonNode payouts = dataset(source, "payouts");
        assertThat(payouts.get("lastError").get("code").asText()).isEqualTo("object_not_found");
        assertThat(payouts.get("state").asText()).isEqualTo("failed");
        assertThat(payouts.get("lastSyncAt").asText()).isNotEqualTo(before);
        assertThat(dataset(source, "customers").get("lastError").isNull()).as("the other stream is unaffected").isTrue();
    }

    @Test
    void aPushedWebhookBringsTheChangeWithinSeconds() throws Exception {
        Source source = source(List.of(Map.of("stream", "customers")), true);
        awaitSynced(source);
        advance(Duration.ofSeconds(5));
        String id = account.objects("customer").get(2).get("id").asText();
        account.update("customer", id, JsonNodeFactory.instance.objectNode().put("email", "pushed@example.com"));
        List<ObjectNode> events = account.objects("event");
        String eventId = events.get(0).get("id").asText();

        HttpResponse<String> delivered = SignedWebhooks.deliver(server, "/webhooks/stripe/" + source.id(), SIGNING_SECRET, WebhookPayloads.body(account, eventId));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);

        assertThat(Eventually.within(Duration.ofSeconds(5), () -> "pushed@example.com".equals(
                records(source, "customers", "").get(id).get("data").get("email").asText()))).isTrue();
    }

    @Test
    void replacingTheSelectionDropsAStreamAndDeletingTheSourceRemovesItsMirror() throws Exception {
        Source source = source(List.of(Map.of("stream", "customers"), Map.of("stream", "products")), false);
        awaitSynced(source);
        Api.Reply replaced = api.put("/api/v1/data-sources/" + source.id() + "/datasets", source.token(),
                Map.of("datasets", List.of(Map.of("stream", "customers"))));
        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
        assertThat(replaced.body().get("datasets")).hasSize(1);
        assertThat(mirrored(source.id(), "products")).isZero();
        assertThat(mirrored(source.id(), "customers")).isEqualTo(account.count("customer"));

        assertThat(api.delete("/api/v1/data-sources/" + source.id(), source.token()).status()).isEqualTo(204);
        assertThat(mirrored(source.id(), "customers")).isZero();
        int streams = server.database().withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM dataset_stream WHERE data_source_id = :s").bind("s", source.id()).mapTo(Integer.class).one());
        assertThat(streams).isZero();
    }

    /** The object as it reads back from JSON: numbers as the parser types them, as the API's are. */
    private static JsonNode normalized(ObjectNode object) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(object.toString());
    }

    private int mirrored(String sourceId, String stream) {
        return server.database().withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM dataset_record WHERE data_source_id = :s AND stream = :t")
                .bind("s", sourceId).bind("t", stream).mapTo(Integer.class).one());
    }
}
