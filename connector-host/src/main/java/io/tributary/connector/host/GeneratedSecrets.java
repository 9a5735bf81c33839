package io.tributary.connector.host;

import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.SecretFormat;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates the secrets a connector lets a person leave empty ({@link CredentialField#generatedWhenEmpty()}):
 * the value goes into the credentials like a typed one, and the host shows it once.
 */
public final class GeneratedSecrets {

    private final SecureRandom random;

    /**
     * Secrets from a secure random source.
     *
     * @param random the source; a {@link SecureRandom} so nobody can predict them
     */
    public GeneratedSecrets(SecureRandom random) {
        this.random = random;
    }

    /**
     * One value in a format.
     *
     * @param format the prefix and the number of random bytes
     * @return the prefix, then the standard Base64 of that many random bytes
     */
    public String generate(SecretFormat format) {
        byte[] bytes = new byte[format.randomBytes()];
        random.nextBytes(bytes);
        return format.prefix() + Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Fills every generated field a person left empty.
     *
     * @param connector the connector
     * @param given the credentials as given; not changed
     * @return the values generated, by field name, in the connector's field order; empty when none
     */
    public Map<String, String> fillIn(InstalledConnector connector, Map<String, String> given) {
        Map<String, String> generated = new LinkedHashMap<>();
        for (CredentialField field : connector.credentialFields()) {
            String value = given.get(field.name());
            if (field.generatedWhenEmpty().isPresent() && (value == null || value.isBlank())) {
                generated.put(field.name(), generate(field.generatedWhenEmpty().get()));
            }
        }
        return generated;
    }
}
