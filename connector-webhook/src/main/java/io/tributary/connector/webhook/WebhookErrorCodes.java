package io.tributary.connector.webhook;

import io.tributary.connector.spi.ErrorCode;
import io.tributary.connector.spi.ErrorKind;

/**
 * The webhook connector's own stable codes, for refusals no standard code names; the README's
 * table lists what raises each. A bad signature, a timestamp out of tolerance and a body that is
 * not JSON use the SPI's standard codes.
 */
public final class WebhookErrorCodes {

    /** A header the scheme needs is absent or empty. */
    public static final ErrorCode HEADER_MISSING = rejected("webhook.header_missing");
    /** A header the scheme needs does not have the scheme's shape. */
    public static final ErrorCode HEADER_MALFORMED = rejected("webhook.header_malformed");
    /** The body is larger than {@link DeliveryVerifier#MAX_BODY_BYTES}. */
    public static final ErrorCode TOO_LARGE = rejected("webhook.too_large");
    /** No accepted secret can key the scheme (a Standard Webhooks secret that is not whsec_ and Base64). */
    public static final ErrorCode SECRET_MALFORMED = rejected("webhook.secret_malformed");

    /** The source's stored scheme or kept headers are invalid (saved before they were checked). */
    public static final ErrorCode SETTINGS_INVALID = rejected("webhook.settings_invalid");

    private WebhookErrorCodes() {
    }

    private static ErrorCode rejected(String code) {
        return new ErrorCode(code, ErrorKind.WEBHOOK_REJECTED);
    }
}
