package io.tributary.connector.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable, machine-readable failure code with the {@link ErrorKind} that tells the host how to
 * treat it. Codes are lower-case words joined by {@code _} or {@code .}, such as
 * {@code credentials_rejected} or {@code stripe.key_expired}; once published a code keeps its
 * meaning. A connector needing its own code creates one here, so it never needs a new SPI class:
 * {@code new ErrorCode("acme.quota_exhausted", ErrorKind.RATE_LIMITED)}.
 *
 * @param code the stable code
 * @param kind how the host treats it
 */
public record ErrorCode(String code, ErrorKind kind) implements ErrorCodeSupplier {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    /** Checks the code's shape. */
    public ErrorCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        if (!CODE.matcher(code).matches() || code.length() > 100) {
            throw new IllegalArgumentException("Error code must be lower-case words joined by '_' or '.': " + code);
        }
    }

    @Override
    public ErrorCode toErrorCode() {
        return this;
    }
}
