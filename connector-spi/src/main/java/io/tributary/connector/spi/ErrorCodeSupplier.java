package io.tributary.connector.spi;

/**
 * Anything that names an {@link ErrorCode}: the {@link StandardErrorCode} constants, an
 * {@link ErrorCode} itself, or a connector's own enum of codes.
 */
@FunctionalInterface
public interface ErrorCodeSupplier {

    /**
     * The code this supplier stands for.
     *
     * @return the error code
     */
    ErrorCode toErrorCode();
}
