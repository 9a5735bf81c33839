package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the connector keeps per key between operations: the key's shared rate limiter and what it
 * learned about the account, never the key itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeAccountsTest {

    private FakeStripe fake;

    @BeforeAll
    void startFakeStripe() {
        fake = FakeStripe.start(FakeStripeAccount.generate(5, AccountSize.small()));
    }

    @AfterAll
    void stopFakeStripe() {
        fake.close();
    }

    @Test
    void noObjectTheConnectorKeepsHoldsTheKeyOnceItsOperationsAreOver() {
        String key = fake.addKey(KeyAccess.allReads());
        InstalledConnector installed = StripeConnectors.pointedAt(fake);
        Connector connector = installed.connector();

        connector.validateCredentials(FakeStripeContexts.context(fake, key));
        connector.runQuery(FakeStripeContexts.context(fake, key), ParameterValidator.prepare(installed, "stripe.balance", null));
        installed.streams().orElseThrow().read(FakeStripeContexts.context(fake, key), new StreamReadRequest("customers", null, null, 5));

        ReachableObjects kept = ReachableObjects.from(connector);
        assertThat(kept.instancesOf(RequestRateLimiter.class)).as("the walk reaches the per-key cache").hasSize(1);
        assertThat(kept.instancesOf(StripeAccount.Profile.class)).as("the walk reaches what the cache learned").hasSize(1);
        String secretPart = key.substring(key.indexOf('_', 3) + 1);
        assertThat(kept.textCount()).as("texts reached").isPositive();
        assertThat(kept.fieldsHoldingTextContaining(secretPart)).as("fields reachable from the connector that hold the key").isEmpty();
        connector.close();
    }

    @Test
    void operationsWithTheSameKeyShareOneLimiterAndAnotherKeyHasItsOwn() {
        String key = fake.addKey(KeyAccess.allReads());
        String otherKey = fake.addKey(KeyAccess.allReads());
        InstalledConnector installed = StripeConnectors.pointedAt(fake);
        Connector connector = installed.connector();

        var balance = ParameterValidator.prepare(installed, "stripe.balance", JsonNodeFactory.instance.objectNode().put("currency", "usd"));
        connector.runQuery(FakeStripeContexts.context(fake, key), balance);
        connector.runQuery(FakeStripeContexts.context(fake, key), balance);
        assertThat(ReachableObjects.from(connector).instancesOf(RequestRateLimiter.class)).as("limiters after two operations with one key")
                .hasSize(1);

        connector.runQuery(FakeStripeContexts.context(fake, otherKey), balance);
        assertThat(ReachableObjects.from(connector).instancesOf(RequestRateLimiter.class)).as("limiters after an operation with another key")
                .hasSize(2);
        connector.close();
    }

    @Test
    void closingForgetsEveryAccountAndRefusesLaterOperations() {
        String key = fake.addKey(KeyAccess.allReads());
        InstalledConnector installed = StripeConnectors.pointedAt(fake);
        Connector connector = installed.connector();
        var balance = ParameterValidator.prepare(installed, "stripe.balance", JsonNodeFactory.instance.objectNode().put("currency", "usd"));
        connector.runQuery(FakeStripeContexts.context(fake, key), balance);
        long requests = fake.requestCount();

        connector.close();

        ReachableObjects kept = ReachableObjects.from(connector);
        assertThat(kept.instancesOf(RequestRateLimiter.class)).as("limiters after close").isEmpty();
        assertThat(kept.instancesOf(StripeAccount.class)).as("accounts after close").isEmpty();
        assertThatThrownBy(() -> connector.runQuery(FakeStripeContexts.context(fake, key), balance))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(fake.requestCount()).as("requests after close").isEqualTo(requests);
    }
}
