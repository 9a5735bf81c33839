package io.tributary.connector.webhook;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.WebhookRequest;

/** The header look-ups and refusals every scheme shares; messages name the header, never its value. */
final class Headers {

    private Headers() {
    }

    static String required(WebhookRequest request, String name) {
        String value = request.header(name).map(String::trim).orElse("");
        if (value.isEmpty()) {
            throw new ConnectorException(WebhookErrorCodes.HEADER_MISSING, "The delivery has no " + name + " header");
        }
        return value;
    }

    static ConnectorException malformed(String name, String what) {
        return new ConnectorException(WebhookErrorCodes.HEADER_MALFORMED, "The " + name + " header " + what);
    }

    /** Unix seconds as digits only: no sign, no spaces, at most 12 digits (until the year 33658). */
    static long unixSeconds(String name, String value) {
        if (!value.matches("[0-9]{1,12}")) {
            throw malformed(name, "is not a time in Unix seconds");
        }
        return Long.parseLong(value);
    }
}
