package io.tributary.connector.stripe.fake;

import java.util.EnumSet;
import java.util.Set;

/** What an API key may do on the fake: everything, some reads, or nothing (revoked, or its account unavailable). */
public sealed interface KeyAccess {

    /** A secret key ({@code sk_test_...}/{@code sk_live_...}): every endpoint. */
    record Secret() implements KeyAccess {
    }

    /** A restricted key ({@code rk_...}) holding these read permissions and no writes. */
    record Restricted(Set<FakeStripePermission> permissions) implements KeyAccess {
        public Restricted {
            permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        }
    }

    /** A rolled or deleted key: Stripe answers 401 as for an unknown key. */
    record Revoked() implements KeyAccess {
    }

    /** A key whose account Stripe cannot serve now: every request is answered 503 (api_error). */
    record Unavailable() implements KeyAccess {
    }

    /** A full secret key. */
    static KeyAccess secret() {
        return new Secret();
    }

    /** A restricted key with exactly these read permissions. */
    static KeyAccess restricted(FakeStripePermission... permissions) {
        return new Restricted(permissions.length == 0 ? Set.of() : EnumSet.of(permissions[0], permissions));
    }

    /** A restricted key with every read permission: what the connector asks users to create. */
    static KeyAccess allReads() {
        return new Restricted(FakeStripePermission.allReads());
    }

    /** A restricted key with every read permission but one. */
    static KeyAccess allReadsExcept(FakeStripePermission missing) {
        EnumSet<FakeStripePermission> permissions = EnumSet.allOf(FakeStripePermission.class);
        permissions.remove(missing);
        return new Restricted(permissions);
    }

    /** A key every request of which meets an outage (503), for "provider unavailable" cases. */
    static KeyAccess unavailable() {
        return new Unavailable();
    }

    /** A revoked key. */
    static KeyAccess revoked() {
        return new Revoked();
    }
}
