package io.tributary.connector.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * The class loader of one plugin: its jars, over a parent that exposes only the JDK and the
 * shared packages (the connector SPI and its Jackson) from the host, as Trino's and Kafka
 * Connect's plugin loaders do.
 *
 * <ul>
 *   <li>Shared packages come from the host only, even when the plugin bundles its own copy, so the
 *       SPI's interfaces and Jackson's nodes are one type on both sides.</li>
 *   <li>Every other class comes from the plugin's jars: its Guava, its HTTP client, its version of
 *       a library the server also uses. The host's copies are not reachable at all. The JDK is
 *       still asked first, so a bundled copy of a JDK package (an old {@code xml-apis}) cannot
 *       shadow the platform's.</li>
 *   <li>Resources the same way, the plugin's before the platform's: a services file is the
 *       plugin's own.</li>
 * </ul>
 */
public final class PluginClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final String pluginName;
    private final List<Path> jars;

    /**
     * A loader over a plugin's jars.
     *
     * @param pluginName the plugin's name (its directory's name), for diagnostics
     * @param jars the plugin's jars
     * @param host the host's class loader, which must see the SPI and Jackson
     */
    public PluginClassLoader(String pluginName, List<Path> jars, ClassLoader host) {
        super("plugin:" + pluginName, urls(jars), new SpiClassLoader(host));
        this.pluginName = pluginName;
        this.jars = List.copyOf(jars);
    }

    /** @return the plugin's name */
    public String pluginName() {
        return pluginName;
    }

    /** @return the jars this loader reads, in class path order */
    public List<Path> jars() {
        return jars;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!SharedPackages.isSharedClass(name)) {
            // The parent knows only the JDK here, so this is "JDK first, then the plugin's jars".
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            // Never fall back to a copy the plugin bundles: two SPIs would be two incompatible types.
            Class<?> type = getParent().loadClass(name);
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    public URL getResource(String name) {
        if (SharedPackages.isSharedResource(name)) {
            return getParent().getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (SharedPackages.isSharedResource(name)) {
            return getParent().getResources(name);
        }
        List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
        urls.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(urls);
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + pluginName + "]";
    }

    private static URL[] urls(List<Path> jars) {
        Objects.requireNonNull(jars, "jars");
        return jars.stream().map(PluginClassLoader::url).toArray(URL[]::new);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException("Not a usable path for a jar: " + jar, e);
        }
    }
}
