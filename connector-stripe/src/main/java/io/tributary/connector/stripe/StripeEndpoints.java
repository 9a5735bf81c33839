package io.tributary.connector.stripe;

import java.util.regex.Pattern;

/** Names an endpoint for rate limiting: the request path with object ids replaced by {@code {id}}. */
final class StripeEndpoints {

    /**
     * Stripe ids: a lower-case prefix, an underscore, then random letters and digits with at least
     * one capital or digit ({@code cus_Nf3...}), which tells them from path words like
     * {@code payment_intents}.
     */
    private static final Pattern ID_SEGMENT = Pattern.compile("[a-z]+(_[a-z]+)*_(?=[a-z]*[A-Z0-9])[A-Za-z0-9]{6,}");

    private StripeEndpoints() {
    }

    static String of(String path) {
        StringBuilder endpoint = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            endpoint.append('/').append(ID_SEGMENT.matcher(segment).matches() ? "{id}" : segment);
        }
        return endpoint.length() == 0 ? "/" : endpoint.toString();
    }
}
