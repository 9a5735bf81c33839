package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A form asks before it saves: credentials and a query checked, every problem as data, nothing stored or audited. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectorValidationTest {

    private TestServer server;
    private Api api;
    private String token;

    @BeforeAll
    void start() {
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 100L), Map.of());
        server = new TestServer(account).start();
        api = server.api();
        token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Asking")).body().get("apiToken").asText();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Api.Reply validate(Map<String, Object> body) {
        return api.post("/api/v1/connectors/stripe/validate", token, body);
    }

    @Test
    void goodCredentialsAndAQueryTheyCanRunAreValidAndNothingIsKept() {
        long auditRows = count("SELECT count(*) FROM audit_event");
        Api.Reply reply = validate(Map.of("credentials", Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads())),
                "queryConfig", Map.of("type", "stripe.recent_charges", "params", Map.of("limit", 5))));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body().get("valid").asBoolean()).isTrue();
        assertThat(reply.body().get("problems")).isEmpty();
        assertThat(reply.body().at("/account/accountId").asText()).startsWith("acct_");
        assertThat(reply.body().get("permissions")).isNotEmpty();
        assertThat(api.get("/api/v1/data-sources", token).body().get("dataSources")).as("no data source saved").isEmpty();
        assertThat(count("SELECT count(*) FROM audit_event")).as("nothing decrypted, nothing audited").isEqualTo(auditRows);
        assertThat(count("SELECT count(*) FROM data_source")).isZero();
    }

    @Test
    void everyProblemComesBackAsDataBesideItsField() {
        Api.Reply malformed = validate(Map.of("credentials", Map.of("apiKey", "not-a-key"),
                "queryConfig", Map.of("type", "stripe.recent_charges", "params", Map.of("limit", 500, "colour", "red"))));
        assertThat(malformed.status()).isEqualTo(200);
        assertThat(malformed.body().get("valid").asBoolean()).isFalse();
        List<String> fields = malformed.body().get("problems").findValuesAsText("field");
        assertThat(fields).contains("credentials.apiKey", "queryConfig.params.limit", "queryConfig.params.colour");
        assertThat(malformed.raw()).doesNotContain("not-a-key");

        String revoked = server.stripe().addKey(KeyAccess.allReads());
        server.stripe().revokeKey(revoked);
        JsonNode rejected = validate(Map.of("credentials", Map.of("apiKey", revoked))).body();
        assertThat(rejected.get("valid").asBoolean()).isFalse();
        assertThat(rejected.get("problems").findValuesAsText("code")).containsExactly("invalid_credentials");
        assertThat(rejected.toString()).doesNotContain(revoked);

        JsonNode unknownType = validate(Map.of("credentials", Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads())),
                "queryConfig", Map.of("type", "stripe.nothing"))).body();
        assertThat(unknownType.get("problems").findValuesAsText("field")).containsExactly("queryConfig.type");
        assertThat(unknownType.get("problems").findValuesAsText("code")).containsExactly("unknown_query_type");

        JsonNode missing = validate(Map.of()).body();
        assertThat(missing.get("problems").findValuesAsText("field")).containsExactly("credentials");
    }

    @Test
    void aQueryTheKeyMayNotRunNamesThePermissionToGrant() {
        JsonNode balanceOnly = validate(Map.of("credentials", Map.of("apiKey", server.stripe().addKey(KeyAccess.restricted(io.tributary.connector.stripe.fake.FakeStripePermission.BALANCE))),
                "queryConfig", Map.of("type", "stripe.mrr"))).body();
        assertThat(balanceOnly.get("valid").asBoolean()).isFalse();
        assertThat(balanceOnly.get("problems").findValuesAsText("code")).containsExactly("permission_missing");
        assertThat(balanceOnly.get("problems").findValuesAsText("message").get(0)).contains("grant");
    }

    @Test
    void anUnknownConnectorIsNotFoundAndAnUnknownFieldRefused() {
        assertThat(api.post("/api/v1/connectors/nothing/validate", token, Map.of()).status()).isEqualTo(404);
        Api.Reply unknownField = validate(Map.of("credentials", Map.of(), "label", "x"));
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.errorCode()).isEqualTo("unknown_field");
    }

    private long count(String sql) {
        return server.database().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
