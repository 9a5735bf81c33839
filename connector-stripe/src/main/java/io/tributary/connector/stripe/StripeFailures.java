package io.tributary.connector.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns stripe-java's exceptions into the SPI's typed failures, with messages a person can act on.
 * Stripe's own messages are not passed through whole: they may echo part of the key.
 */
final class StripeFailures {

    /** Stripe's 403 message: "... Having the 'rak_charge_read' permission would allow this request to continue." */
    private static final Pattern PERMISSION = Pattern.compile("'(rak_[a-z_]+)'");

    private StripeFailures() {
    }

    static ConnectorException map(StripeException e, StripePermission expected) {
        // PermissionException extends AuthenticationException in stripe-java: test it first.
        if (e instanceof PermissionException) {
            return permissionMissing(e, expected);
        }
        if (e instanceof AuthenticationException) {
            return ConnectorException.credentialsRejected(
                    "Stripe refused the API key: it was revoked, rolled or never existed. Create a new restricted key and update the data source.");
        }
        if (e instanceof RateLimitException) {
            return ConnectorException.rateLimited(Duration.ofSeconds(2),
                    "Stripe is rate limiting this account even after retries; the refresh will be tried again later");
        }
        if (e instanceof ApiConnectionException) {
            return ConnectorException.transientFailure("Stripe could not be reached: " + e.getClass().getSimpleName(), null);
        }
        Integer status = e.getStatusCode();
        if (e instanceof InvalidRequestException && status != null && status == 404) {
            return new ConnectorException(StandardErrorCode.OBJECT_NOT_FOUND, "Stripe has no such object (HTTP 404)" + paramSuffix(e));
        }
        if (status != null && status >= 500) {
            return ConnectorException.transientFailure("Stripe failed with HTTP " + status + " after retries", null);
        }
        return new ConnectorException(StandardErrorCode.PROVIDER_ERROR,
                "Stripe refused the request (HTTP " + status + (e.getCode() == null ? "" : ", " + e.getCode()) + ")" + paramSuffix(e));
    }

    static ConnectorException permissionMissing(StripeException e, StripePermission expected) {
        StripePermission permission = permissionNamedIn(e).orElse(expected);
        String grant = permission == null ? "the Read permission for this resource" : permission.toGrant();
        return ConnectorException.permissionMissing(grant,
                "This restricted key cannot read " + (permission == null ? "this resource" : permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " data")
                        + ". In the Stripe Dashboard, edit the key and set " + grant
                        + (permission == null ? "" : " (" + permission.apiName() + ")") + ".");
    }

    static java.util.Optional<StripePermission> permissionNamedIn(StripeException e) {
        String message = e.getStripeError() == null ? e.getMessage() : e.getStripeError().getMessage();
        if (message == null) {
            return java.util.Optional.empty();
        }
        Matcher matcher = PERMISSION.matcher(message);
        return matcher.find() ? StripePermission.ofApiName(matcher.group(1)) : java.util.Optional.empty();
    }

    private static String paramSuffix(StripeException e) {
        String param = e.getStripeError() == null ? null : e.getStripeError().getParam();
        return param == null ? "" : " (parameter " + param + ")";
    }
}
