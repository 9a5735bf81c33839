package io.tributary.connector.spi;

import java.util.Objects;

/**
 * How the host generates a secret credential a person may leave empty: a fixed prefix, then the
 * standard Base64 (with padding) of {@code randomBytes} bytes from a secure random source. Standard
 * Webhooks' secrets look like this ({@code whsec_} and 24 or 32 bytes). Since SPI 2.1.
 *
 * @param prefix what every generated value starts with, such as {@code whsec_}; may be empty;
 *     printable ASCII without spaces, at most {@link CredentialField#MAX_PREFIX_LENGTH} characters
 * @param randomBytes how many random bytes, 16 to 64
 */
public record SecretFormat(String prefix, int randomBytes) {

    /** Checks the inputs. */
    public SecretFormat {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.length() > CredentialField.MAX_PREFIX_LENGTH || !prefix.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("A generated secret's prefix must be at most " + CredentialField.MAX_PREFIX_LENGTH
                    + " printable ASCII characters without spaces: '" + prefix + "'");
        }
        if (randomBytes < 16 || randomBytes > 64) {
            throw new IllegalArgumentException("A generated secret needs 16 to 64 random bytes, not " + randomBytes);
        }
    }
}
