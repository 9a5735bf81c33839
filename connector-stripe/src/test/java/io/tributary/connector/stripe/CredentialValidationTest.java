package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.stripe.fake.AccountSettings;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.FakeStripePermission;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Validating keys against the fake: who the account is, and which reads each key can serve. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialValidationTest {

    private FakeStripe fake;
    private InstalledConnector stripe;
    private Connector connector;

    @BeforeAll
    void start() {
        fake = FakeStripe.start(FakeStripeAccount.generate(7, AccountSize.small()));
        stripe = StripeConnectors.pointedAt(fake);
        connector = stripe.connector();
    }

    @AfterAll
    void stop() {
        connector.close();
        fake.close();
    }

    private CredentialCheck validate(String key) {
        return connector.validateCredentials(FakeStripeContexts.context(fake, key));
    }

    private static Map<String, CapabilityStatus> byId(CredentialCheck check) {
        return check.capabilities().stream().collect(Collectors.toMap(status -> status.kind() + ":" + status.id(), status -> status));
    }

    @Test
    void aFullReadOnlyKeyServesEverythingAndNamesTheAccount() {
        CredentialCheck check = validate(fake.addKey(KeyAccess.allReads()));

        assertThat(check.account().accountId()).isEqualTo(fake.account().id());
        assertThat(check.account().livemode()).isFalse();
        assertThat(check.account().displayName()).isEqualTo(fake.account().displayName());
        assertThat(check.capabilities()).allSatisfy(status -> assertThat(status.available()).as(status.id()).isTrue());
        assertThat(check.warnings()).isEmpty();
    }

    @Test
    void aKeyWithoutSubscriptionsReadSaysWhatItCannotServeAndWhatToGrant() {
        CredentialCheck check = validate(fake.addKey(KeyAccess.allReadsExcept(FakeStripePermission.SUBSCRIPTION)));
        Map<String, CapabilityStatus> capabilities = byId(check);

        for (String unavailable : List.of("QUERY_TYPE:stripe.mrr", "QUERY_TYPE:stripe.subscribers", "STREAM:subscriptions", "STREAM:subscription_items")) {
            assertThat(capabilities.get(unavailable).available()).as(unavailable).isFalse();
            assertThat(capabilities.get(unavailable).missingPermission()).isEqualTo("Subscriptions: Read");
        }
        assertThat(capabilities.get("QUERY_TYPE:stripe.balance").available()).isTrue();
        assertThat(capabilities.get("STREAM:customers").available()).isTrue();
        assertThat(capabilities.values().stream().filter(status -> !status.available())).hasSize(4);
    }

    @Test
    void aKeyThatCannotReadTheAccountStillLearnsItsIdFromStripesRefusal() {
        CredentialCheck check = validate(fake.addKey(KeyAccess.restricted(FakeStripePermission.CHARGE)));
        Map<String, CapabilityStatus> capabilities = byId(check);

        assertThat(check.account().accountId()).isEqualTo(fake.account().id());
        assertThat(check.account().displayName()).isNull();
        assertThat(capabilities.get("QUERY_TYPE:stripe.recent_charges").missingPermission()).isEqualTo("Customers: Read");
        assertThat(capabilities.get("STREAM:charges").available()).isTrue();
        assertThat(capabilities.get("QUERY_TYPE:stripe.list").available()).isTrue();
        assertThat(capabilities.get("QUERY_TYPE:stripe.balance").missingPermission()).isEqualTo("Balance: Read");
    }

    @Test
    void aSecretKeyWorksButComesWithAWarning() {
        CredentialCheck check = validate(fake.addKey(KeyAccess.secret()));

        assertThat(check.warnings()).singleElement().asString().contains("secret key", "restricted key");
        assertThat(check.capabilities()).allSatisfy(status -> assertThat(status.available()).isTrue());
    }

    @Test
    void aRevokedOrUnknownKeyIsRejected() {
        for (String key : List.of(fake.addKey(KeyAccess.revoked()), "rk_test_NeverIssuedByStripe123")) {
            assertThatThrownBy(() -> validate(key)).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.CREDENTIALS_REJECTED);
                assertThat(e.getMessage()).doesNotContain(key);
            });
        }
    }

    @Test
    void aQueryTheKeyCannotServeFailsOnlyThatBindingNamingThePermission() {
        String key = fake.addKey(KeyAccess.allReadsExcept(FakeStripePermission.SUBSCRIPTION));
        var context = FakeStripeContexts.context(fake, key);

        assertThatThrownBy(() -> connector.runQuery(context, ParameterValidator.prepare(stripe, "stripe.mrr", null)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_MISSING);
                    assertThat(e.kind().scope()).isEqualTo(ErrorKind.Scope.OPERATION);
                    assertThat(e.permission()).contains("Subscriptions: Read");
                    assertThat(e.getMessage()).contains("rak_subscription_read");
                });
        assertThat(connector.runQuery(context, ParameterValidator.prepare(stripe, "stripe.balance", null)).data().has("available_cents")).isTrue();
    }

    @Test
    void aLiveKeyReportsLiveMode() {
        try (FakeStripe live = FakeStripe.start(FakeStripeAccount.create(AccountSettings.defaults().withId("acct_1LiveAccount01").withLivemode(true)));
             Connector liveConnector = StripeConnectors.pointedAt(live).connector()) {
            String key = live.addKey(KeyAccess.allReads());
            assertThat(key).startsWith("rk_live_");
            CredentialCheck check = liveConnector.validateCredentials(FakeStripeContexts.context(live, key));
            assertThat(check.account().livemode()).isTrue();
            assertThat(check.account().accountId()).isEqualTo("acct_1LiveAccount01");
        }
    }

    @Test
    void anEndpointAnswering404OrFailingAfterRetriesLeavesItsCapabilitiesUnknownAndTheKeyAccepted() {
        String key = fake.addKey(KeyAccess.allReads());
        fake.failNext("/v1/events", 1, 404);
        fake.failNext("/v1/payouts", 5, 500); // every attempt: the contexts allow 5
        long payoutRequestsBefore = fake.requestCount("/v1/payouts");
        try {
            CredentialCheck check = validate(key);
            Map<String, CapabilityStatus> capabilities = byId(check);

            assertThat(check.account().accountId()).isEqualTo(fake.account().id());
            assertThat(fake.requestCount("/v1/payouts") - payoutRequestsBefore).as("attempts at the payouts probe").isEqualTo(5);
            assertThat(capabilities.values().stream().filter(status -> status.status() == CapabilityStatus.Status.UNKNOWN)
                    .map(CapabilityStatus::id)).containsExactlyInAnyOrder("events", "payouts");
            assertThat(capabilities.get("STREAM:events").reason()).contains("GET /v1/events", "HTTP 404");
            assertThat(capabilities.get("STREAM:payouts").reason()).contains("GET /v1/payouts", "HTTP 500 after retries");
            assertThat(capabilities.values()).filteredOn(status -> !List.of("events", "payouts").contains(status.id()))
                    .allSatisfy(status -> assertThat(status.available()).as(status.id()).isTrue());
            assertThat(check.warnings()).hasSize(2);
            assertThat(check.warnings()).anySatisfy(warning -> assertThat(warning).contains("'events'", "GET /v1/events"));
            assertThat(check.warnings()).anySatisfy(warning -> assertThat(warning).contains("'payouts'", "GET /v1/payouts"));
            assertThat(String.join(" ", check.warnings())).doesNotContain(key.substring(8));
        } finally {
            fake.clearFaults();
        }
    }

    @Test
    void aKeyRefusedByAnyProbeIsStillRefused() {
        String key = fake.addKey(KeyAccess.allReads());
        fake.failNext("/v1/events", 1, 401);
        try {
            assertThatThrownBy(() -> validate(key)).isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.CREDENTIALS_REJECTED));
        } finally {
            fake.clearFaults();
        }
        assertThatThrownBy(() -> validate(fake.addKey(KeyAccess.revoked()))).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CREDENTIALS_REJECTED));
    }
}
