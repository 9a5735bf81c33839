package io.tributary.connector.testkit;

import io.tributary.connector.host.ConnectorInstaller;
import io.tributary.connector.host.ConnectorLoadException;
import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorFactory;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The connector under test's lifecycle, as the server runs it: installed through the host's
 * {@link ConnectorInstaller} once, when first needed (so a contract's own {@code @BeforeAll} has
 * started its fake by then), and closed once, after the last test.
 */
final class ConnectorUnderTest {

    private final Supplier<ConnectorFactory> factorySupplier;
    private final Supplier<Map<String, ?>> settings;
    private ConnectorFactory factory;
    private InstalledConnector installed;
    private AssertionError installFailure;

    ConnectorUnderTest(Supplier<ConnectorFactory> factory, Supplier<Map<String, ?>> settings) {
        this.factorySupplier = factory;
        this.settings = settings;
    }

    /** The factory under test: one instance, asked once. */
    synchronized ConnectorFactory factory() {
        if (factory == null) {
            factory = factorySupplier.get();
        }
        return factory;
    }

    /** The installed connector; every test that needs it fails with the host's reason when it cannot be installed. */
    synchronized InstalledConnector get() {
        if (installFailure != null) {
            throw installFailure;
        }
        if (installed == null) {
            try {
                installed = install(factory(), settings.get());
            } catch (ConnectorLoadException e) {
                installFailure = Verdicts.failure("install", "the host refused the connector: " + e.getMessage(),
                        "change what the message names; the server would refuse to start the same way");
                installFailure.initCause(e);
                throw installFailure;
            }
        }
        return installed;
    }

    /** Installs another instance the way the server does. */
    static InstalledConnector install(ConnectorFactory factory, Map<String, ?> settings) {
        return ConnectorInstaller.install(factory, ConnectorRegistry.sourceOf(factory.getClass()), settings);
    }

    /** Closes the connector, once, if it was installed. */
    synchronized void close() {
        if (installed == null) {
            return;
        }
        InstalledConnector closing = installed;
        installed = null;
        installFailure = Verdicts.failure("lifecycle", "the connector was already closed", "do not use the kit after @AfterAll");
        try {
            closing.connector().close();
        } catch (RuntimeException e) {
            AssertionError error = Verdicts.failure("lifecycle: close after all tests", "close() threw " + e,
                    "make close() release what the connector holds without throwing");
            error.initCause(e);
            throw error;
        }
    }
}
