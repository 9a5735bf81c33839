package io.tributary.connector.host;

import java.util.List;

/**
 * The packages every plugin shares with the host, one copy for all: the SPI, and the Jackson the
 * SPI's types expose ({@code JsonNode}, {@code ObjectNode}). A plugin's own copy of these is never
 * used, so a node it builds is the host's {@code ObjectNode}. Other Jackson modules (data types,
 * data formats) are not shared: a plugin bundles those it uses, like any other library, and they
 * link against the shared core.
 */
final class SharedPackages {

    private static final List<String> CLASS_PREFIXES = List.of(
            "io.tributary.connector.spi.",
            "com.fasterxml.jackson.annotation.",
            "com.fasterxml.jackson.core.",
            "com.fasterxml.jackson.databind.");

    private static final List<String> RESOURCE_PREFIXES = CLASS_PREFIXES.stream()
            .map(prefix -> prefix.replace('.', '/'))
            .toList();

    private SharedPackages() {
    }

    /**
     * @param className a binary class name such as {@code io.tributary.connector.spi.Connector}
     * @return whether the host's copy of the class is the only one a plugin sees
     */
    static boolean isSharedClass(String className) {
        return CLASS_PREFIXES.stream().anyMatch(className::startsWith);
    }

    /**
     * @param resourceName a resource name such as {@code io/tributary/connector/spi/Connector.class}
     * @return whether the host's copy of the resource is the only one a plugin sees
     */
    static boolean isSharedResource(String resourceName) {
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        return RESOURCE_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
