package io.tributary.connector.stripe;

import io.tributary.connector.spi.AccountIdentity;
import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.QueryType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a key: which account it opens, and, from one probe per permission, which query types and
 * streams it can serve; a secret key works, with a warning that a restricted one is safer.
 */
final class StripeCredentialCheck {

    private StripeCredentialCheck() {
    }

    static CredentialCheck of(StripeSession session, StripeQueries queries) {
        StripeAccount.Profile profile = AccountProfiles.profile(session);
        Map<StripePermission, PermissionProbe.Outcome> outcomes = new EnumMap<>(StripePermission.class);
        for (StripePermission permission : StripePermission.values()) {
            outcomes.put(permission, PermissionProbe.probe(session, permission, profile));
        }
        List<CapabilityStatus> capabilities = new ArrayList<>();
        for (QueryType queryType : StripeDescriptor.DESCRIPTOR.queryTypes()) {
            capabilities.add(KeyCapabilities.status(CapabilityStatus.Kind.QUERY_TYPE, queryType.id(),
                    queries.require(queryType.id()).permissions(), outcomes));
        }
        for (StripeStream stream : StripeStream.values()) {
            capabilities.add(KeyCapabilities.status(CapabilityStatus.Kind.STREAM, stream.streamName(), Set.of(stream.permission()), outcomes));
        }
        List<String> warnings = new ArrayList<>();
        if (!session.key().restricted()) {
            warnings.add("This is a secret key: it can also write to your Stripe account. Tributary only reads, so a restricted key "
                    + "with Read permissions is safer.");
        }
        warnings.addAll(KeyCapabilities.warnings(capabilities));
        return new CredentialCheck(new AccountIdentity(profile.accountId(), session.key().livemode(), profile.displayName()),
                capabilities, warnings);
    }
}
