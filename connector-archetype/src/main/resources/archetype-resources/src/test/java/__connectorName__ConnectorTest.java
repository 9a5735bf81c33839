package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.QueryParameters;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the contract cannot know: that the numbers are right. The fake's contacts were created 2
 * hours, 3 days, 12 days and 45 days before the clock's "now".
 */
class ${connectorName}ConnectorTest {

    private Fake${connectorName}Api api;
    private Connector connector;

    @BeforeEach
    void start() {
        api = Fake${connectorName}Api.start(${connectorName}ConnectorContractTest.CLOCK, 0);
        ConnectorFactory factory = new ${connectorName}ConnectorFactory();
        connector = factory.create(ConnectorSettings.of(factory.settings(),
                Map.of(${connectorName}ConnectorFactory.API_BASE, api.baseUrl())));
    }

    @AfterEach
    void stop() {
        connector.close();
        api.close();
    }

    @Test
    void newContactsCountsOnlyThoseCreatedInThePeriodNewestFirst() {
        ObjectNode result = newContacts(30);

        assertEquals(3, result.path("count").asLong());
        assertEquals(${connectorName}ConnectorContractTest.CLOCK.instant().minus(Duration.ofDays(30)).getEpochSecond(),
                result.path("since").asLong());
        List<String> newest = new ArrayList<>();
        result.path("newest").forEach(contact -> newest.add(contact.path("name").asText()));
        assertEquals(List.of("Ada Lovelace", "Grace Hopper", "Alan Turing"), newest);
    }

    @Test
    void aLongerPeriodReachesOlderContacts() {
        assertEquals(4, newContacts(60).path("count").asLong());
        assertEquals(1, newContacts(1).path("count").asLong());
    }

    private ObjectNode newContacts(long days) {
        QueryType queryType = new ${connectorName}ConnectorFactory().descriptor()
                .queryType(${connectorName}ConnectorFactory.NEW_CONTACTS).orElseThrow();
        QueryRequest request = new QueryRequest(queryType, QueryParameters.of(queryType, Map.of("days", days)));
        return connector.runQuery(${connectorName}ConnectorContractTest.context(Fake${connectorName}Api.VALID_KEY), request).data();
    }
}
