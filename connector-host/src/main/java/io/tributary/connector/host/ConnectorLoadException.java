package io.tributary.connector.host;

/**
 * The installed connectors cannot be loaded together: two claim one type id, one was built for an
 * incompatible SPI version, or one failed to start. The host refuses to start with it, and the
 * message names the classes and jars involved so an operator knows which jar to remove or update.
 */
public class ConnectorLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A load failure.
     *
     * @param message what is wrong, naming the classes and jars
     * @param cause the underlying failure, or null
     */
    public ConnectorLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
