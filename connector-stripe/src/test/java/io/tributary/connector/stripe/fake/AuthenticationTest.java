package io.tributary.connector.stripe.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keys: unknown and revoked keys get 401, restricted keys without the endpoint's permission 403. */
class AuthenticationTest {

    /** One endpoint per permission, each needing exactly that one. */
    private static final Map<FakeStripePermission, String> ENDPOINTS = Map.ofEntries(
            Map.entry(FakeStripePermission.ACCOUNT, "/v1/account"),
            Map.entry(FakeStripePermission.BALANCE, "/v1/balance_transactions"),
            Map.entry(FakeStripePermission.CHARGE, "/v1/charges"),
            Map.entry(FakeStripePermission.CHECKOUT_SESSION, "/v1/checkout/sessions"),
            Map.entry(FakeStripePermission.COUPON, "/v1/promotion_codes"),
            Map.entry(FakeStripePermission.CREDIT_NOTE, "/v1/credit_notes"),
            Map.entry(FakeStripePermission.CUSTOMER, "/v1/customers"),
            Map.entry(FakeStripePermission.DISPUTE, "/v1/disputes"),
            Map.entry(FakeStripePermission.EVENT, "/v1/events"),
            Map.entry(FakeStripePermission.INVOICE, "/v1/invoices"),
            Map.entry(FakeStripePermission.INVOICE_ITEM, "/v1/invoiceitems"),
            Map.entry(FakeStripePermission.PAYMENT_INTENT, "/v1/payment_intents"),
            Map.entry(FakeStripePermission.PAYOUT, "/v1/payouts"),
            Map.entry(FakeStripePermission.PRICE, "/v1/plans"),
            Map.entry(FakeStripePermission.PRODUCT, "/v1/products"),
            Map.entry(FakeStripePermission.REFUND, "/v1/refunds"),
            Map.entry(FakeStripePermission.SUBSCRIPTION, "/v1/subscriptions"),
            Map.entry(FakeStripePermission.TRANSFER, "/v1/transfers"));

    private static FakeStripe fake;

    @BeforeAll
    static void start() {
        fake = FakeStripe.start(FakeStripeAccount.generate(3, AccountSize.small()));
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void unknownKeysGet401WithTheKeyMasked() {
        String key = "rk_test_51FakeUnknownKeyEndingInabcd";
        RawHttp.Response response = RawHttp.get(fake, "/v1/customers", key);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(response.errorMessage())
                .isEqualTo("Invalid API Key provided: rk_test_" + "*".repeat(key.length() - "rk_test_".length() - 4) + "abcd");
        assertThat(RawHttp.get(fake, "/v1/customers", null).errorMessage()).startsWith("You did not provide an API key.");
        assertThatThrownBy(() -> FakeStripeClients.client(fake, key).v1().customers().list())
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("Invalid API Key provided");
    }

    @Test
    void revokedKeysGet401() {
        String key = fake.addKey(KeyAccess.secret());
        assertThat(RawHttp.get(fake, "/v1/customers", key).status()).isEqualTo(200);
        fake.revokeKey(key);
        assertThat(RawHttp.get(fake, "/v1/customers", key).status()).isEqualTo(401);
        assertThat(RawHttp.get(fake, "/v1/customers", fake.addKey(KeyAccess.revoked())).status()).isEqualTo(401);
    }

    @Test
    void keysCarryTheirKindAndModeInTheirPrefix() {
        assertThat(fake.addKey(KeyAccess.secret())).startsWith("sk_test_");
        assertThat(fake.addKey(KeyAccess.allReads())).startsWith("rk_test_");
        try (FakeStripe live = FakeStripe.start(FakeStripeAccount.create(AccountSettings.defaults().withLivemode(true)))) {
            assertThat(live.addKey(KeyAccess.restricted(FakeStripePermission.CHARGE))).startsWith("rk_live_");
        }
    }

    @Test
    void basicAuthWithTheKeyAsUserNameIsAccepted() {
        String key = fake.addKey(KeyAccess.secret());
        String basic = Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        RawHttp.Response response = RawHttp.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v1/balance"))
                .header("Authorization", "Basic " + basic).GET().build());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("object").asText()).isEqualTo("balance");
        assertThat(fake.requests().get(fake.requests().size() - 1).apiKey()).isEqualTo(key);
    }

    @ParameterizedTest
    @EnumSource(FakeStripePermission.class)
    void aRestrictedKeyLackingOnePermissionGets403NamingIt(FakeStripePermission missing) {
        String key = fake.addKey(KeyAccess.allReadsExcept(missing));
        String path = ENDPOINTS.get(missing);
        RawHttp.Response refused = RawHttp.get(fake, path, key);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(refused.errorMessage()).isEqualTo("The provided key '" + ApiKeys.mask(key)
                + "' does not have the required permissions for this endpoint on account '" + fake.account().id()
                + "'. Having the '" + missing.apiName() + "' permission would allow this request to continue.");
        // Every other endpoint still answers.
        ENDPOINTS.forEach((permission, other) -> {
            if (permission != missing) {
                assertThat(RawHttp.get(fake, other, key).status()).as(other).isEqualTo(200);
            }
        });
        assertThat(RawHttp.get(fake, path, fake.addKey(KeyAccess.restricted(missing))).status()).isEqualTo(200);
    }

    @Test
    void stripeJavaSeesA403AsAPermissionException() {
        String key = fake.addKey(KeyAccess.allReadsExcept(FakeStripePermission.SUBSCRIPTION));
        assertThatThrownBy(() -> FakeStripeClients.client(fake, key).v1().subscriptions().list())
                .isInstanceOfSatisfying(PermissionException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("rak_subscription_read").contains(fake.account().id());
                });
    }

    @Test
    void nestedAndSingletonEndpointsNeedTheirParentsPermission() {
        String customer = fake.account().objects("customer").get(0).get("id").asText();
        String noCustomers = fake.addKey(KeyAccess.allReadsExcept(FakeStripePermission.CUSTOMER));
        assertThat(RawHttp.get(fake, "/v1/customers/" + customer + "/balance_transactions", noCustomers).status()).isEqualTo(403);
        String noBalance = fake.addKey(KeyAccess.allReadsExcept(FakeStripePermission.BALANCE));
        assertThat(RawHttp.get(fake, "/v1/balance", noBalance).errorMessage()).contains("rak_balance_read");
        String noPrices = fake.addKey(KeyAccess.allReadsExcept(FakeStripePermission.PRICE));
        assertThat(RawHttp.get(fake, "/v1/prices", noPrices).errorMessage()).contains("rak_price_read");
    }

    @Test
    void aReadOnlyKeyCannotWrite() {
        String key = fake.addKey(KeyAccess.allReads());
        RawHttp.Response response = RawHttp.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v1/customers"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString("email=a@b.c")).build());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorMessage()).contains("rak_customer_write");
    }
}
