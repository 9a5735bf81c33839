package io.tributary.server.db;

import java.time.Instant;
import java.util.Optional;

/**
 * What verifying a delivery reads besides the source's row, in one statement: the plain
 * verification fields and, during an overlap, the replaced signing secret. Never a secret in plain text.
 *
 * @param webhookFields the verification fields as a JSON object
 * @param previousCiphertext the replaced secret still accepted, or null
 * @param previousVersion the credential version bound into it, or null
 * @param previousUntil when it stops being accepted, or null
 */
public record VerificationInputs(String webhookFields, String previousCiphertext, Integer previousVersion, Instant previousUntil) {

    /** The replaced secret, when one is still accepted. */
    public Optional<PreviousWebhookSecret> previous() {
        return previousCiphertext == null ? Optional.empty()
                : Optional.of(new PreviousWebhookSecret(previousCiphertext, previousVersion, previousUntil));
    }

    @Override
    public String toString() {
        return "VerificationInputs[fields=" + webhookFields + ", previous=" + (previousCiphertext == null ? "none" : "until " + previousUntil) + "]";
    }
}
