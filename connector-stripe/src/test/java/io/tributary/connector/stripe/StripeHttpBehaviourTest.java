package io.tributary.connector.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the connector talks HTTP, over real HTTP to WireMock: which failures it retries, how often,
 * and what each becomes.
 */
class StripeHttpBehaviourTest {

    private static final String BALANCE = """
            {"object": "balance", "livemode": false,
             "available": [{"amount": 1500, "currency": "usd", "source_types": {"card": 1500}}],
             "pending": [{"amount": 250, "currency": "usd", "source_types": {"card": 250}}]}""";

    private WireMockServer stripe;
    private InstalledConnector connector;

    @BeforeEach
    void start() {
        stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        stripe.start();
        connector = StripeConnectors.pointedAt(stripe.baseUrl(), Map.of("retry_max_delay_ms", "5",
                "rate_limit_test_per_second", "1000", "rate_limit_endpoint_per_second", "1000"));
    }

    @AfterEach
    void stop() {
        connector.connector().close();
        stripe.stop();
    }

    private QueryResult balance(String key) {
        // With the currency given, the balance is exactly one request: no read of the account.
        QueryRequest request = ParameterValidator.prepare(connector, "stripe.balance",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("currency", "usd"));
        return connector.connector().runQuery(FakeStripeContexts.context(key, Clock.systemUTC()), request);
    }

    private int balanceRequests() {
        return stripe.findAll(getRequestedFor(urlPathEqualTo("/v1/balance"))).size();
    }

    private void failThenSucceed(int failures, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures; i++) {
            String next = "after-" + (i + 1);
            stripe.stubFor(get(urlPathEqualTo("/v1/balance")).inScenario("flaky").whenScenarioStateIs(state)
                    .willReturn(failure).willSetStateTo(next));
            state = next;
        }
        stripe.stubFor(get(urlPathEqualTo("/v1/balance")).inScenario("flaky").whenScenarioStateIs(state).willReturn(okJson(BALANCE)));
    }

    @Test
    void aPlain429IsRetriedUntilItPasses() {
        failThenSucceed(2, aResponse().withStatus(429).withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"rate_limit\",\"message\":\"Too many requests\"}}"));

        QueryResult result = balance("rk_test_0123456789abcdef");

        assertThat(result.data().get("available_cents").asLong()).isEqualTo(1500);
        assertThat(result.data().get("pending_cents").asLong()).isEqualTo(250);
        assertThat(balanceRequests()).isEqualTo(3);
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetried() {
        failThenSucceed(1, aResponse().withStatus(503));
        assertThat(balance("rk_test_0123456789abcdef").data().get("currency").asText()).isEqualTo("usd");

        stripe.resetAll();
        failThenSucceed(1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(balance("rk_test_0123456789abcdef").data().get("available_cents").asLong()).isEqualTo(1500);
        assertThat(balanceRequests()).isEqualTo(2);
    }

    @Test
    void stripeShouldRetryFalseIsHonoured() {
        stripe.stubFor(get(urlPathEqualTo("/v1/balance")).willReturn(aResponse().withStatus(500)
                .withHeader("Stripe-Should-Retry", "false").withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")));

        assertThatThrownBy(() -> balance("rk_test_0123456789abcdef"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT));
        assertThat(balanceRequests()).isEqualTo(1);
    }

    @Test
    void retriesStopAtTheBudgetAndEndAsATransientFailure() {
        stripe.stubFor(get(urlPathEqualTo("/v1/balance")).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> balance("rk_test_0123456789abcdef"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
                    assertThat(e.kind().retryable()).isTrue();
                });
        assertThat(balanceRequests()).isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
    }

    @Test
    void a401IsRejectedCredentialsAndNeverRetried() {
        stripe.stubFor(get(urlPathEqualTo("/v1/balance")).willReturn(aResponse().withStatus(401).withBody(
                "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided: rk_test_********cdef\"}}")));

        assertThatThrownBy(() -> balance("rk_test_0123456789abcdef"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CREDENTIALS_REJECTED);
                    assertThat(e.getMessage()).doesNotContain("0123456789abcdef");
                });
        assertThat(balanceRequests()).isEqualTo(1);
    }

    @Test
    void a403NamesThePermissionToGrantAndIsNeverRetried() {
        stripe.stubFor(get(urlPathEqualTo("/v1/balance")).willReturn(aResponse().withStatus(403).withBody("""
                {"error": {"type": "invalid_request_error", "message": "The provided key 'rk_test_***cdef' does not have the required \
                permissions for this endpoint on account 'acct_1Test'. Having the 'rak_balance_read' permission would allow this request to continue."}}""")));

        assertThatThrownBy(() -> balance("rk_test_0123456789abcdef"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_MISSING);
                    assertThat(e.permission()).contains("Balance: Read");
                    assertThat(e.getMessage()).contains("rak_balance_read", "Balance: Read");
                });
        assertThat(balanceRequests()).isEqualTo(1);
    }

    @Test
    void aMalformedKeyNeverReachesStripe() {
        assertThatThrownBy(() -> balance("pk_live_0123456789abcdef"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CREDENTIALS_REJECTED));
        assertThat(stripe.getAllServeEvents()).isEmpty();
    }

    @Test
    void everyRequestCarriesTheKeyAsABearerTokenAndThePinnedApiVersion() {
        stripe.stubFor(get(urlPathEqualTo("/v1/balance")).willReturn(okJson(BALANCE)));
        balance("rk_test_0123456789abcdef");

        var request = stripe.getAllServeEvents().get(0).getRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer rk_test_0123456789abcdef");
        assertThat(request.getHeader("Stripe-Version")).isEqualTo(com.stripe.Stripe.API_VERSION);
    }
}
