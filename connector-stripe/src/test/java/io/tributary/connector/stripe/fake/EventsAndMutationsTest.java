package io.tributary.connector.stripe.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.model.Event;
import com.stripe.model.Subscription;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Updates and deletes change what the API serves and record the events Stripe would send. */
class EventsAndMutationsTest {

    @Test
    void anUpdateRecordsTheNewObjectAndItsPreviousAttributes() {
        FakeStripeAccount account = FakeStripeAccount.generate(4, AccountSize.small());
        ObjectNode subscription = account.objects("subscription").get(0);
        String id = subscription.get("id").asText();
        account.advanceClock(Duration.ofMinutes(5));
        ObjectNode after = account.update("subscription", id, Json.object().put("cancel_at_period_end", true)
                .put("description", subscription.get("description").asText(null)));

        assertThat(after.get("cancel_at_period_end").asBoolean()).isTrue();
        List<ObjectNode> events = account.eventsSince(null).stream()
                .filter(event -> event.get("type").asText().startsWith("customer.subscription")).toList();
        assertThat(events).hasSize(1);
        ObjectNode event = events.get(0);
        assertThat(event.get("type").asText()).isEqualTo("customer.subscription.updated");
        assertThat(event.get("created").asLong()).isEqualTo(account.now());
        assertThat(event.get("data").get("object").get("cancel_at_period_end").asBoolean()).isTrue();
        assertThat(event.get("data").get("object").get("items").get("data")).isNotEmpty();
        // Only what changed: the unchanged description is not a previous attribute.
        assertThat(Json.write(event.get("data").get("previous_attributes"))).isEqualTo("{\"cancel_at_period_end\":"
                + subscription.get("cancel_at_period_end").asBoolean() + "}");
    }

    @Test
    void changingAnItemReportsItsSubscriptionAsUpdated() {
        FakeStripeAccount account = FakeStripeAccount.generate(4, AccountSize.small());
        ObjectNode subscription = account.objects("subscription").get(1);
        JsonNode item = subscription.get("items").get("data").get(0);
        account.update("subscription_item", item.get("id").asText(), Json.object().put("quantity", 42));
        ObjectNode event = account.eventsSince(null).get(account.eventsSince(null).size() - 1);
        assertThat(event.get("type").asText()).isEqualTo("customer.subscription.updated");
        assertThat(event.get("data").get("object").get("items").get("data").get(0).get("quantity").asLong()).isEqualTo(42);
        assertThat(event.get("data").get("previous_attributes").get("items")).isEqualTo(subscription.get("items"));
    }

    @Test
    void deletingACustomerCancelsItsSubscriptionsAndLeavesADeletedStub() {
        FakeStripeAccount account = FakeStripeAccount.create();
        String product = account.product("Team");
        String price = account.price(product, 900, "usd", "month", 1, "licensed");
        String customer = account.customer("leaving@example.com");
        String subscription = account.subscription(SubscriptionSpec.of(customer, "active", SubscriptionSpec.Item.price(price, 1)));
        String cursor = account.recordEvent("test.marker", Json.object().put("object", "customer"), null);

        account.delete("customer", customer);

        assertThat(account.eventsSince(cursor)).extracting(event -> event.get("type").asText())
                .containsExactly("customer.subscription.deleted", "customer.deleted");
        assertThat(account.object("subscription", subscription).orElseThrow().get("status").asText()).isEqualTo("canceled");
        assertThat(account.object("customer", customer)).isEmpty();
        try (FakeStripe fake = FakeStripe.start(account)) {
            String key = fake.addKey(KeyAccess.secret());
            RawHttp.Response deleted = RawHttp.get(fake, "/v1/customers/" + customer, key);
            assertThat(deleted.status()).isEqualTo(200);
            assertThat(deleted.body().get("deleted").asBoolean()).isTrue();
            assertThat(RawHttp.get(fake, "/v1/customers", key).body().get("data")).isEmpty();
            JsonNode filtered = RawHttp.get(fake, "/v1/events?types%5B0%5D=customer.deleted&types%5B1%5D=customer.subscription.deleted",
                    key).body();
            assertThat(filtered.get("data")).extracting(event -> event.get("type").asText())
                    .containsExactly("customer.deleted", "customer.subscription.deleted");
            assertThat(RawHttp.get(fake, "/v1/events?type=customer.*", key).body().get("data")).hasSize(2);
        }
    }

    @Test
    void creationEventsAreRecordedWhenAskedFor() {
        FakeStripeAccount account = FakeStripeAccount.create();
        account.customer("quiet@example.com");
        account.recordCreationEvents(true);
        String customer = account.customer("loud@example.com");
        assertThat(account.eventsSince(null)).singleElement().satisfies(event -> {
            assertThat(event.get("type").asText()).isEqualTo("customer.created");
            assertThat(event.get("data").get("object").get("id").asText()).isEqualTo(customer);
        });
    }

    @Test
    void webhookBodiesParseWithStripeJavasSignatureCheck() throws Exception {
        FakeStripeAccount account = FakeStripeAccount.generate(4, AccountSize.small());
        String id = account.objects("subscription").get(0).get("id").asText();
        account.update("subscription", id, Json.object().put("cancel_at_period_end", true));
        ObjectNode event = account.eventsSince(null).get(account.eventsSince(null).size() - 1);

        String body = WebhookPayloads.body(event);
        String secret = "whsec_test_secret";
        long timestamp = System.currentTimeMillis() / 1000;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));

        Event parsed = Webhook.constructEvent(body, "t=" + timestamp + ",v1=" + signature, secret);
        assertThat(parsed.getType()).isEqualTo("customer.subscription.updated");
        assertThat(parsed.getId()).isEqualTo(event.get("id").asText());
        Subscription subscription = (Subscription) parsed.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(subscription.getCancelAtPeriodEnd()).isTrue();
        assertThat(WebhookPayloads.body(account, event.get("id").asText())).isEqualTo(body);
    }

    @Test
    void eventsOlderThanThirtyDaysAreNeitherListedNorRetrievable() {
        FakeStripeAccount account = FakeStripeAccount.create();
        ObjectNode customer = Json.object().put("id", "cus_Retention").put("object", "customer");
        long now = account.now();
        String aged = account.recordEvent("customer.created", customer, null, now - 30 * 86_400L - 1);
        String oldestKept = account.recordEvent("customer.updated", customer, null, now - 30 * 86_400L);
        String recent = account.recordEvent("customer.updated", customer, null, now);

        try (FakeStripe fake = FakeStripe.start(account)) {
            String key = fake.addKey(KeyAccess.allReads());
            assertThat(RawHttp.get(fake, "/v1/events?limit=100", key).body().get("data"))
                    .extracting(event -> event.get("id").asText()).containsExactly(recent, oldestKept);
            assertThat(RawHttp.get(fake, "/v1/events/" + oldestKept, key).status()).isEqualTo(200);

            RawHttp.Response retrieved = RawHttp.get(fake, "/v1/events/" + aged, key);
            assertThat(retrieved.status()).isEqualTo(404);
            assertThat(retrieved.body().get("error").get("code").asText()).isEqualTo("resource_missing");
            for (String cursor : List.of("ending_before", "starting_after")) {
                RawHttp.Response asCursor = RawHttp.get(fake, "/v1/events?" + cursor + "=" + aged, key);
                RawHttp.Response unknown = RawHttp.get(fake, "/v1/events?" + cursor + "=evt_NeverExisted", key);
                assertThat(asCursor.status()).isEqualTo(unknown.status()).isEqualTo(400);
                assertThat(asCursor.body().get("error").get("code").asText()).isEqualTo("resource_missing");
                assertThat(asCursor.body().get("error").get("param").asText()).isEqualTo(cursor);
                assertThat(asCursor.errorMessage()).isEqualTo("No such event: '" + aged + "'");
            }

            // Time ages events out of the API; the account itself keeps them.
            account.advanceClock(Duration.ofSeconds(1));
            assertThat(RawHttp.get(fake, "/v1/events/" + oldestKept, key).status()).isEqualTo(404);
            assertThat(RawHttp.get(fake, "/v1/events?ending_before=" + recent, key).body().get("data")).isEmpty();
            assertThat(RawHttp.get(fake, "/v1/events?starting_after=" + recent, key).body().get("data")).isEmpty();
            assertThat(account.eventsSince(null)).hasSize(3);
        }
    }

    @Test
    void eventsCanBeRenderedAtAnotherApiVersion() {
        FakeStripeAccount account = FakeStripeAccount.create();
        String product = account.product("Team");
        String price = account.price(product, 900, "usd", "month", 1, "licensed");
        String customer = account.customer("versions@example.com");
        String subscription = account.subscription(SubscriptionSpec.of(customer, "active", SubscriptionSpec.Item.price(price, 1)));

        account.eventApiVersion("2024-06-20");
        account.update("subscription", subscription, Json.object().put("description", "older"));
        account.update("customer", customer, Json.object().put("name", "Older Shape"));
        account.eventApiVersion(null);
        account.update("subscription", subscription, Json.object().put("description", "pinned"));

        List<ObjectNode> events = account.eventsSince(null);
        ObjectNode olderSubscription = (ObjectNode) events.get(0).get("data").get("object");
        ObjectNode olderCustomer = (ObjectNode) events.get(1).get("data").get("object");
        ObjectNode pinnedSubscription = (ObjectNode) events.get(2).get("data").get("object");
        assertThat(events).extracting(event -> event.get("api_version").asText())
                .containsExactly("2024-06-20", "2024-06-20", com.stripe.Stripe.API_VERSION);

        // Before 2025-03-31.basil the period lived on the subscription, not on its items.
        JsonNode olderItem = olderSubscription.get("items").get("data").get(0);
        JsonNode pinnedItem = pinnedSubscription.get("items").get("data").get(0);
        assertThat(olderItem.has("current_period_end")).isFalse();
        assertThat(olderSubscription.get("current_period_end")).isEqualTo(pinnedItem.get("current_period_end"));
        assertThat(pinnedSubscription.has("current_period_end")).isFalse();
        // Fields added since are absent; the pinned rendering is what the API serves.
        assertThat(olderCustomer.has("customer_account")).isFalse();
        assertThat(olderCustomer.get("name").asText()).isEqualTo("Older Shape");
        assertThat(olderSubscription.get("id").asText()).isEqualTo(subscription);
        assertThat(pinnedSubscription.get("description").asText()).isEqualTo("pinned");
        assertThat((JsonNode) pinnedSubscription).isEqualTo(account.object("subscription", subscription).orElseThrow());
    }
}
