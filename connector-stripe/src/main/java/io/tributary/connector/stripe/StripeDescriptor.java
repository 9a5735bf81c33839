package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.CredentialField;

/**
 * What the Stripe connector is, as data: its key field, query types and Stripe's currency units.
 * The webhook signing secret is not among the credential fields: the webhooks facet names it
 * ({@link StripeWebhooks#SIGNING_SECRET}).
 */
final class StripeDescriptor {

    static final String TYPE_ID = "stripe";

    static final CredentialField API_KEY = CredentialField.secret(StripeCredentials.API_KEY, "Restricted API key")
            .pattern(StripeKey.PATTERN)
            .helpText(StripeKey.HELP)
            .publicPrefixes(StripeKey.KINDS.toArray(String[]::new))
            .build();

    static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder(TYPE_ID, "Stripe",
                    "Payments, subscriptions and balances from a Stripe account, read with a restricted read-only key.")
            .credentialField(API_KEY)
            .queryTypes(StripeQueryTypes.all())
            .minorUnits(StripeMinorUnits.UNITS)
            .build();

    private StripeDescriptor() {
    }
}
