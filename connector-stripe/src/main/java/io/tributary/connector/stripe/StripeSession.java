package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import com.stripe.net.StripeResponse;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One operation's view of a Stripe account: the key (read from the context once), a client built
 * for this operation on the key's shared rate limiter, and calls whose failures come out as the
 * SPI's typed errors. It lives as long as the operation, and with it the key.
 */
final class StripeSession {

    /** A call to Stripe through stripe-java. */
    @FunctionalInterface
    interface StripeCall<T> {
        T call(StripeClient client) throws StripeException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StripeKey key;
    private final StripeAccount account;
    private final StripeClient client;
    private final Clock clock;

    private StripeSession(StripeKey key, StripeAccount account, StripeClient client, Clock clock) {
        this.key = key;
        this.account = account;
        this.client = client;
        this.clock = clock;
    }

    static StripeSession open(ConnectorContext context, StripeSettings settings, StripeAccounts accounts) {
        StripeKey key = StripeKey.parse(context.credentials().require(StripeCredentials.API_KEY));
        StripeAccount account = accounts.forKey(key);
        return new StripeSession(key, account, OperationClients.open(key, settings, context.timeouts(), account.limiter()),
                context.clock());
    }

    StripeKey key() {
        return key;
    }

    StripeAccount account() {
        return account;
    }

    /** This operation's client, for calls that handle stripe-java's exceptions themselves. */
    StripeClient client() {
        return client;
    }

    Clock clock() {
        return clock;
    }

    /**
     * Calls Stripe through stripe-java.
     *
     * @param permission the permission the call needs, named in the failure when Stripe does not
     *     name one itself
     */
    <T> T call(StripePermission permission, StripeCall<T> call) {
        try {
            return call.call(client);
        } catch (StripeException e) {
            throw StripeFailures.map(e, permission);
        } catch (ConnectorException e) {
            throw e;
        } catch (RuntimeException e) {
            // stripe-java's auto-paging iterators wrap a failed page's exception.
            if (e.getCause() instanceof StripeException cause) {
                throw StripeFailures.map(cause, permission);
            }
            throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR, "Stripe's answer could not be read", e);
        }
    }

    /**
     * A GET whose JSON body is returned as Stripe sent it, for reads of any object type.
     *
     * @param path such as {@code /v1/customers}
     * @param query query parameters, already in Stripe's bracket syntax ({@code created[gte]})
     */
    JsonNode getJson(StripePermission permission, String path, Map<String, List<String>> query) {
        String target = target(path, query);
        StripeResponse response = call(permission, client -> client.rawRequest(ApiResource.RequestMethod.GET, target, null));
        return parse(path, response);
    }

    /**
     * As {@link #getJson}, but empty when Stripe answers that the object a list cursor names does
     * not exist ({@code resource_missing} on {@code cursorParameter}, with 400 or 404): for a cursor
     * that may have aged out of Stripe's history, which the caller can read around.
     *
     * @param cursorParameter such as {@code ending_before}
     */
    Optional<JsonNode> getJsonUnlessCursorMissing(StripePermission permission, String path, Map<String, List<String>> query,
                                                  String cursorParameter) {
        String target = target(path, query);
        StripeResponse response = call(permission, client -> {
            try {
                return client.rawRequest(ApiResource.RequestMethod.GET, target, null);
            } catch (InvalidRequestException e) {
                if (cursorMissing(e, cursorParameter)) {
                    return null;
                }
                throw e;
            }
        });
        return response == null ? Optional.empty() : Optional.of(parse(path, response));
    }

    private static boolean cursorMissing(InvalidRequestException e, String cursorParameter) {
        Integer status = e.getStatusCode();
        String param = e.getParam();
        return "resource_missing".equals(e.getCode()) && status != null && (status == 400 || status == 404)
                && (param == null || cursorParameter.equals(param));
    }

    private static String target(String path, Map<String, List<String>> query) {
        String queryString = query.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        return queryString.isEmpty() ? path : path + "?" + queryString;
    }

    private static JsonNode parse(String path, StripeResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR, "Stripe answered " + path + " with a body that is not JSON", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
