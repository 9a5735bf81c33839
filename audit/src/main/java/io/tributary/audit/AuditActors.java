package io.tributary.audit;

/** The actor strings the audit log accepts, so callers don't spell them by hand. */
public final class AuditActors {

    /** The workspace administrator, signed in to the UI. */
    public static final String ADMIN = "admin";

    /** The scheduler that refreshes data sources. */
    public static final String SCHEDULED_RUNNER = "system:scheduledRunner";

    /** The Stripe webhook endpoint. */
    public static final String STRIPE_WEBHOOK = "system:stripeWebhook";

    private AuditActors() {}

    /** An API token, by its id (never the token secret itself). */
    public static String token(String tokenId) {
        return "token:" + tokenId;
    }

    /** A system component other than the named ones above. */
    public static String system(String component) {
        return "system:" + component;
    }
}
