package io.tributary.connector.webhook;

import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.SecretFormat;

/**
 * The credential fields the webhook connector declares.
 *
 * <p>The secret's pattern is one rule for all schemes, any 16 or more printable ASCII characters
 * without spaces: it admits GitHub and Stripe secrets (the secret's bytes are the key) as well as
 * {@code whsec_} and Base64. Whether the Standard Webhooks scheme can use it (it needs
 * {@code whsec_} and valid Base64) depends on the other field, so that check is
 * {@link SignatureScheme#acceptsSecret}, for the connector to apply when both are saved.
 */
public final class WebhookCredentials {

    /** The signing secret's field name. */
    public static final String SECRET = "secret";
    /** The scheme's field name. */
    public static final String SCHEME = "scheme";

    /** The signing secret; generated as Standard Webhooks does when left empty. */
    public static final CredentialField SECRET_FIELD = CredentialField.secret(SECRET, "Signing secret")
            .optional()
            .pattern("[!-~]{16,}")
            .helpText("Leave empty to have one generated (whsec_...), or paste the sender's: at least 16 characters, no spaces")
            .publicPrefixes(StandardSecret.PREFIX)
            .generatedWhenEmpty(new SecretFormat(StandardSecret.PREFIX, 32))
            .build();

    /** How the sender signs. */
    public static final CredentialField SCHEME_FIELD = CredentialField.plain(SCHEME, "Signature scheme")
            .optional()
            .pattern("stripe|github|standard")
            .helpText("standard (default), stripe or github")
            .build();

    /** Which headers each delivery keeps. */
    public static final String KEEP_HEADERS = "keep_headers";

    /** The headers to keep with each delivery; read at verification, so a plain field. */
    public static final CredentialField KEEP_HEADERS_FIELD = CredentialField.plain(KEEP_HEADERS, "Headers to keep")
            .optional()
            .pattern(KeptHeaders.PATTERN)
            .helpText("Comma-separated header names to keep with each delivery, such as X-Request-Id; never Authorization or Cookie")
            .build();

    private WebhookCredentials() {
    }
}
