package io.tributary.server;

import java.io.ObjectInputFilter;

/**
 * The Java deserialization allow-list the server runs with: Quartz keeps blobs in the database,
 * and nothing read from there may deserialize a class outside this list (a gadget chain needs
 * one). {@code bin/tributary} passes it as {@code -Djdk.serialFilter}; a server started some other
 * way installs it itself; the server's tests run under it.
 */
public final class SerialFilter {

    /** Limits first, then the packages allowed; {@code !*} refuses every other class. */
    public static final String PATTERN = "maxdepth=32;maxrefs=100000;maxarray=100000;maxbytes=10000000;"
            + "java.lang.*;java.util.*;java.time.*;java.math.*;org.quartz.**;!*";

    private SerialFilter() {
    }

    /** Installs the filter JVM-wide unless one was set (by {@code -Djdk.serialFilter}, say). */
    public static void installUnlessSet() {
        if (ObjectInputFilter.Config.getSerialFilter() == null) {
            ObjectInputFilter.Config.setSerialFilter(ObjectInputFilter.Config.createFilter(PATTERN));
        }
    }
}
