package io.tributary.connector.host;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;

/**
 * The parent of every plugin's class loader: the JDK (the platform class loader) and, from the
 * host, only the {@link SharedPackages shared packages}. The host's other classes and resources
 * (the server, Dropwizard, the host's Guava, its {@code META-INF/services} files) stay invisible,
 * so a plugin can neither depend on them by accident nor clash with them.
 */
final class SpiClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;

    SpiClassLoader(ClassLoader host) {
        super("tributary-spi", ClassLoader.getPlatformClassLoader());
        this.host = Objects.requireNonNull(host, "host");
    }

    /** Reached after the JDK did not have the class. */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!SharedPackages.isSharedClass(name)) {
            throw new ClassNotFoundException(name + " (plugins see only the JDK, the connector SPI and Jackson from the host)");
        }
        return host.loadClass(name);
    }

    @Override
    protected URL findResource(String name) {
        return SharedPackages.isSharedResource(name) ? host.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return SharedPackages.isSharedResource(name) ? host.getResources(name) : Collections.emptyEnumeration();
    }

    @Override
    public String toString() {
        return "SpiClassLoader[over " + host + "]";
    }
}
