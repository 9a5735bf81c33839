package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.testkit.ResultConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every query's result has the shape its query type declares, money fields and their currencies
 * included, checked with the contract test kit's {@link ResultConformance}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeResultShapesTest {

    private FakeStripe fake;
    private InstalledConnector connector;
    private String key;
    private String customerId;

    @BeforeAll
    void start() {
        fake = FakeStripe.start(FakeStripeAccount.generate(3, AccountSize.small()));
        connector = StripeConnectors.pointedAt(fake);
        key = fake.addKey(KeyAccess.allReads());
        customerId = fake.account().objects("customer").get(0).get("id").asText();
    }

    @AfterAll
    void stop() {
        connector.connector().close();
        fake.close();
    }

    @Test
    void resultsMatchTheirDeclaredFields() {
        for (QueryType queryType : connector.descriptor().queryTypes()) {
            ObjectNode parameters = JsonNodeFactory.instance.objectNode();
            if (queryType.id().equals("stripe.list") || queryType.id().equals("stripe.get")) {
                parameters.put("object", "customers");
            }
            if (queryType.id().equals("stripe.get")) {
                parameters.put("id", customerId);
            }
            JsonNode data = connector.connector().runQuery(FakeStripeContexts.context(fake, key),
                    ParameterValidator.prepare(connector, queryType.id(), parameters)).data();
            assertThat(ResultConformance.violations(queryType.resultFields(), data)).as(queryType.id()).isEmpty();
        }
    }
}
