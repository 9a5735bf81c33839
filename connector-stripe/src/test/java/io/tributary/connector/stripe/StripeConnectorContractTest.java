package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.testkit.Capability;
import io.tributary.connector.testkit.ConnectorContractTest;
import io.tributary.connector.testkit.InvalidQuery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Stripe connector passes the connector contract, against the fake Stripe: installed from its
 * factory with settings that point it at the fake, as the server installs it.
 */
class StripeConnectorContractTest extends ConnectorContractTest {

    private static final String SIGNING_SECRET = "whsec_contract0123456789abcdef";

    private FakeStripe fake;
    private String validKey;
    private String revokedKey;
    private String customerId;

    @BeforeAll
    void startFakeStripe() {
        fake = FakeStripe.start(FakeStripeAccount.generate(42, AccountSize.small()));
        validKey = fake.addKey(KeyAccess.allReads());
        revokedKey = fake.addKey(KeyAccess.revoked());
        customerId = fake.account().objects("customer").get(0).get("id").asText();
        giveEveryStreamARecordOnItsFirstPage(fake.account(), customerId);
    }

    /**
     * The kit checks keys on the records a stream's first pages read, and fails a stream that reads
     * none. A child stream's first page is the newest parent's children, and the generated account
     * gives bank accounts and credit-balance changes to random customers; its events are at
     * customers' creation times, mostly older than the 30 days Stripe lists. So the newest customer
     * gets one of each, and one event is recorded now.
     */
    private static void giveEveryStreamARecordOnItsFirstPage(FakeStripeAccount account, String newestCustomer) {
        account.bankAccount(newestCustomer, "STRIPE TEST BANK", "4321", "usd");
        account.customerBalanceTransaction(newestCustomer, -500L, "usd", "adjustment", account.now());
        account.recordEvent("customer.updated", account.object("customer", newestCustomer).orElseThrow(), null);
    }

    @AfterAll
    void stopFakeStripe() {
        fake.close();
    }

    @Override
    protected ConnectorFactory factory() {
        return new StripeConnectorFactory();
    }

    @Override
    protected Map<String, ?> settings() {
        return Map.of("api_base", fake.baseUrl(), "retry_base_delay_ms", "1", "retry_max_delay_ms", "10");
    }

    @Override
    protected Set<Capability> expectedCapabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    protected ConnectorContext contextWithValidCredentials() {
        return FakeStripeContexts.context(fake, validKey);
    }

    @Override
    protected ConnectorContext contextWithRejectedCredentials() {
        return FakeStripeContexts.context(fake, revokedKey);
    }

    @Override
    protected ConnectorContext contextWithUnavailableProvider() {
        // Stripe answers this key's every request with 503, as in an outage of its account.
        return FakeStripeContexts.context(fake, fake.addKey(KeyAccess.unavailable()));
    }

    @Override
    protected Optional<ConnectorContext> contextWithMissingPermission() {
        // A restricted key granted nothing: every read is answered 403.
        return Optional.of(FakeStripeContexts.context(fake, fake.addKey(KeyAccess.restricted())));
    }

    @Override
    protected long providerRequestCount() {
        return fake.requestCount();
    }

    @Override
    protected ObjectNode sampleParameters(QueryType queryType) {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        switch (queryType.id()) {
            case "stripe.list" -> parameters.put("object", "customers");
            case "stripe.get" -> parameters.put("object", "customers").put("id", customerId);
            default -> {
            }
        }
        return parameters;
    }

    @Override
    protected List<InvalidQuery> connectorSpecificInvalidQueries() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return List.of(
                new InvalidQuery("stripe.get", json.objectNode().put("object", "customers").put("id", "ch_3MmlLrLkdIwHu7ix"), "id"),
                new InvalidQuery("stripe.list", json.objectNode().put("object", "charges").put("email", "a@example.com"), "email"),
                new InvalidQuery("stripe.list", json.objectNode().put("object", "products").put("customer", "cus_A1b2C3d4"), "customer"),
                new InvalidQuery("stripe.list", json.objectNode().put("object", "customers").put("starting_after", "ch_A1b2C3d4"), "starting_after"),
                new InvalidQuery("stripe.list", json.objectNode().put("object", "charges").put("customer", "acct_A1b2C3d4"), "customer"),
                new InvalidQuery("stripe.list", json.objectNode().put("object", "subscription_items"), "parent"),
                new InvalidQuery("stripe.list", json.objectNode().put("object", "subscription_items").put("parent", "cus_A1b2C3d4"), "parent"),
                new InvalidQuery("stripe.list", json.objectNode().put("object", "invoice_line_items").put("parent", "in_x?a"), "parent"),
                new InvalidQuery("stripe.revenue", json.objectNode().put("created_gte", 1_700_000_000L).put("created_lt", 1_600_000_000L), "created_lt"));
    }

    @Override
    protected Optional<WebhookRequest> signedWebhook() {
        return Optional.of(delivery(fake.account().now())); // the valid context's clock
    }

    @Override
    protected Optional<WebhookRequest> staleSignedWebhook() {
        // Ten minutes old: twice the default tolerance of five.
        return Optional.of(delivery(fake.account().now() - 600));
    }

    private static WebhookRequest delivery(long now) {
        byte[] body = ("{\"id\":\"evt_1Contract\",\"object\":\"event\",\"type\":\"customer.subscription.updated\",\"created\":" + now
                + ",\"data\":{\"object\":{\"id\":\"sub_1\",\"object\":\"subscription\"}}}").getBytes(StandardCharsets.UTF_8);
        String signature = StripeSignatureTest.sign(SIGNING_SECRET, now, body);
        return new WebhookRequest(body, Map.of("Stripe-Signature", List.of("t=" + now + ",v1=" + signature)),
                List.of(SIGNING_SECRET));
    }
}
