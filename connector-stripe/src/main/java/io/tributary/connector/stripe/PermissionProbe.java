package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finds out whether a key holds a read permission by asking for the smallest thing it guards: one
 * object of a list, or the balance. Stripe answers 403 when the key lacks it. Any other failure
 * (an endpoint answering 404 or 400, a 5xx after retries) leaves the answer unknown, with the
 * reason: one odd endpoint must not refuse a key that works. A refused key (401) is the exception.
 */
final class PermissionProbe {

    /** What a probe learned. */
    enum Answer {
        GRANTED, MISSING, UNKNOWN
    }

    /**
     * A probe's outcome.
     *
     * @param reason why the answer is unknown, naming the request; null otherwise
     */
    record Outcome(Answer answer, String reason) {
        static final Outcome GRANTED = new Outcome(Answer.GRANTED, null);
        static final Outcome MISSING = new Outcome(Answer.MISSING, null);
    }

    private PermissionProbe() {
    }

    /**
     * Probes one permission.
     *
     * @throws ConnectorException only when Stripe refuses the key itself
     */
    static Outcome probe(StripeSession session, StripePermission permission, StripeAccount.Profile profile) {
        if (permission == StripePermission.ACCOUNT) {
            return profile.readable() ? Outcome.GRANTED : Outcome.MISSING;
        }
        String path = path(permission);
        try {
            session.getJson(permission, path, permission == StripePermission.BALANCE ? Map.of() : Map.of("limit", List.of("1")));
            return Outcome.GRANTED;
        } catch (ConnectorException e) {
            if (e.kind() == ErrorKind.PERMISSION_MISSING) {
                return Outcome.MISSING;
            }
            if (e.kind() == ErrorKind.CREDENTIALS_REJECTED) {
                throw e;
            }
            // The message is ours (StripeFailures never passes Stripe's own text on), so it holds no part of the key.
            return new Outcome(Answer.UNKNOWN, "checking " + permission.toGrant() + " with GET " + path + " failed: " + e.getMessage());
        }
    }

    private static String path(StripePermission permission) {
        if (permission == StripePermission.BALANCE) {
            return "/v1/balance";
        }
        return Arrays.stream(StripeObject.values()).filter(object -> object.permission() == permission)
                .findFirst().orElseThrow().path();
    }
}
