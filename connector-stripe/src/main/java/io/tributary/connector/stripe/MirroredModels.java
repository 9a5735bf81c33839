package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiMode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;

/**
 * Turns a mirrored object back into stripe-java's model. The mirror holds each object's JSON as
 * Stripe sent it, and the account's client reads it as it reads a response body
 * ({@code StripeClient.deserialize}: the model named by the JSON's {@code object}, through
 * stripe-java's own Gson with its field naming and expandable fields), so the live query's code
 * runs on exactly the model it would have received. No request is sent.
 *
 * <p>Why not {@code ApiResource.GSON.fromJson}: it gives the same fields, but stripe-java declares
 * Gson at runtime scope only, so this module cannot compile against it.
 */
final class MirroredModels {

    private MirroredModels() {
    }

    static <T extends StripeObject> T parse(StripeSession session, JsonNode json, Class<T> model) {
        StripeObject parsed;
        try {
            parsed = session.client().deserialize(json.toString(), ApiMode.V1);
        } catch (StripeException | RuntimeException e) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR,
                    "A mirrored Stripe object could not be read as a " + model.getSimpleName(), e);
        }
        if (!model.isInstance(parsed)) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR,
                    "A mirrored Stripe object is not a " + model.getSimpleName() + " but a " + json.path("object").asText("?"));
        }
        return model.cast(parsed);
    }
}
