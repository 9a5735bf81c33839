package io.tributary.connector.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ResultField;
import io.tributary.connector.spi.SecretFormat;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Secrets the host generates for fields a person left empty, and the installer's check of their format. */
class GeneratedSecretsTest {

    private final GeneratedSecrets secrets = new GeneratedSecrets(new SecureRandom());

    @Test
    void aGeneratedSecretIsItsPrefixAndTheBase64OfThatManyRandomBytesNeverTheSameTwice() {
        SecretFormat format = new SecretFormat("whsec_", 32);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String secret = secrets.generate(format);
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
            seen.add(secret);
        }
        assertThat(seen).hasSize(50);
    }

    @Test
    void onlyGeneratedFieldsLeftEmptyAreFilledIn() {
        CredentialField key = CredentialField.secret("api_key", "API key").build();
        CredentialField signing = CredentialField.secret("signing", "Signing secret").optional()
                .generatedWhenEmpty(new SecretFormat("", 16)).build();
        InstalledConnector connector = ConnectorInstaller.install(withFields(key, signing), "test", Map.of());

        assertThat(secrets.fillIn(connector, Map.of("api_key", "k"))).containsOnlyKeys("signing");
        assertThat(secrets.fillIn(connector, Map.of("api_key", "k", "signing", " "))).as("blank is empty").containsOnlyKeys("signing");
        assertThat(secrets.fillIn(connector, Map.of("api_key", "k", "signing", "mine"))).as("a given secret is kept").isEmpty();
    }

    @Test
    void aConnectorWhoseGeneratedSecretsCannotPassItsOwnPatternIsNotInstalled() {
        CredentialField narrow = CredentialField.secret("signing", "Signing secret").optional().pattern("whsec_\\w+")
                .generatedWhenEmpty(new SecretFormat("whsec_", 32)).build();
        assertThatThrownBy(() -> ConnectorInstaller.install(withFields(narrow), "test", Map.of()))
                .isInstanceOf(ConnectorLoadException.class).hasMessageContaining("the secret it generates for 'signing' does not match");
    }

    @Test
    void formatsAndFieldsAreChecked() {
        assertThatThrownBy(() -> new SecretFormat("whsec_", 8)).hasMessageContaining("16 to 64");
        assertThatThrownBy(() -> new SecretFormat("has space", 32)).hasMessageContaining("printable");
        assertThatThrownBy(() -> CredentialField.plain("host", "Host").generatedWhenEmpty(new SecretFormat("", 16)).build())
                .hasMessageContaining("only a secret is generated");
    }

    /** A stub connector whose descriptor has exactly these credential fields. */
    private static StubFactory withFields(CredentialField... fields) {
        ConnectorDescriptor described = ConnectorDescriptor.builder("acme", "Acme", "A connector for host tests.")
                .credentialField(fields)
                .queryType(QueryType.builder("acme.count", "Counts.").resultField(ResultField.of("count", FieldType.INTEGER, "N.")).build())
                .build();
        return StubFactory.of("acme").describing(() -> described);
    }
}
