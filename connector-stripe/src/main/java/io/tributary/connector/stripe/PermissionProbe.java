package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finds out whether a key holds a read permission by asking for the smallest thing it guards: one
 * object of a list, or the balance. Stripe answers 403 when the key lacks it.
 */
final class PermissionProbe {

    private PermissionProbe() {
    }

    static boolean has(StripeSession session, StripePermission permission, StripeAccount.Profile profile) {
        if (permission == StripePermission.ACCOUNT) {
            return profile.readable();
        }
        try {
            if (permission == StripePermission.BALANCE) {
                session.getJson(permission, "/v1/balance", Map.of());
            } else {
                StripeObject object = Arrays.stream(StripeObject.values()).filter(o -> o.permission() == permission)
                        .findFirst().orElseThrow();
                session.getJson(permission, object.path(), Map.of("limit", List.of("1")));
            }
            return true;
        } catch (ConnectorException e) {
            if (e.kind() == ErrorKind.PERMISSION_MISSING) {
                return false;
            }
            throw e;
        }
    }
}
