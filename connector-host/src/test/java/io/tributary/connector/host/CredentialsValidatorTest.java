package io.tributary.connector.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.ValidationProblem;
import io.tributary.connector.spi.WebhookContext;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.spi.Webhooks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsValidatorTest {

    private static final CredentialField API_KEY = CredentialField.secret("api_key", "API key").pattern("key_[a-z0-9]{8}")
            .helpText("Starts with key_ and has 8 more letters or digits").build();
    private static final CredentialField REGION = CredentialField.plain("region", "Region").optional().pattern("eu|us").build();
    private static final CredentialField SIGNING_SECRET = CredentialField.secret("webhook_secret", "Signing secret")
            .pattern("whsec_\\w+").build();

    private static InstalledConnector installed(boolean webhooks) {
        Webhooks facet = new Webhooks() {
            @Override
            public CredentialField signingSecretField() {
                return SIGNING_SECRET;
            }

            @Override
            public List<WebhookEvent> verify(WebhookContext context, WebhookRequest request) {
                return List.of();
            }
        };
        StubConnector connector = new StubConnector(webhooks ? Optional.of(facet) : Optional.empty(), Optional.empty(), null);
        ConnectorDescriptor descriptor = ConnectorDescriptor.builder("acme", "Acme", "Reads Acme.").credentialField(API_KEY, REGION).build();
        return ConnectorInstaller.install(StubFactory.of("acme").describing(() -> descriptor).creating(settings -> connector),
                "test", Map.of());
    }

    @Test
    void credentialsAreCheckedAgainstTheFieldsWithoutEchoingValues() {
        InstalledConnector connector = installed(false);

        assertThat(CredentialsValidator.problems(connector, Map.of("api_key", "key_abcd1234"))).isEmpty();
        assertThat(CredentialsValidator.problems(connector, Map.of("region", "mars", "password", "hunter2")))
                .extracting(ValidationProblem::field, ValidationProblem::code)
                .containsExactlyInAnyOrder(tuple("password", "unknown"), tuple("api_key", "required"), tuple("region", "pattern_mismatch"));
        assertThat(CredentialsValidator.problems(connector, Map.of("api_key", "  "))).extracting(ValidationProblem::code)
                .containsExactly("required");
        List<ValidationProblem> wrongKey = CredentialsValidator.problems(connector, Map.of("api_key", "sk_live_SECRETVALUE"));
        assertThat(wrongKey).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("pattern_mismatch");
            assertThat(problem.message()).contains("Starts with key_").doesNotContain("SECRETVALUE");
        });
    }

    @Test
    void theWebhookSigningSecretIsACredentialOfAConnectorThatTakesWebhooksOnly() {
        assertThat(CredentialsValidator.problems(installed(true), Map.of("api_key", "key_abcd1234")))
                .extracting(ValidationProblem::field, ValidationProblem::code).containsExactly(tuple("webhook_secret", "required"));
        assertThat(CredentialsValidator.problems(installed(true), Map.of("api_key", "key_abcd1234", "webhook_secret", "secret")))
                .extracting(ValidationProblem::field, ValidationProblem::code).containsExactly(tuple("webhook_secret", "pattern_mismatch"));
        assertThat(CredentialsValidator.problems(installed(true), Map.of("api_key", "key_abcd1234", "webhook_secret", "whsec_1"))).isEmpty();
        assertThat(CredentialsValidator.problems(installed(false), Map.of("api_key", "key_abcd1234", "webhook_secret", "whsec_1")))
                .extracting(ValidationProblem::field, ValidationProblem::code).containsExactly(tuple("webhook_secret", "unknown"));
    }
}
