package io.tributary.connector.testkit;

import io.tributary.connector.host.InstalledConnector;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a connector can do beyond queries, as the facets it returns. A contract test claims its
 * connector's capabilities ({@link ConnectorContractTest#expectedCapabilities()}) and the kit checks
 * the claim both ways, so a facet lost in a refactoring, or one returned by mistake, fails a test.
 */
public enum Capability {
    /** Signed pushes: {@code Connector.webhooks()} returns a facet. */
    WEBHOOKS("Connector.webhooks()"),
    /** Objects to mirror: {@code Connector.streams()} returns a facet. */
    STREAMS("Connector.streams()"),
    /** What changed since a position: {@code Streams.changeFeed()} returns a feed. */
    CHANGE_FEED("Streams.changeFeed()"),
    /** Answers from the host's mirror: {@code Streams.mirrorQueries()} returns a facet. */
    MIRROR_QUERIES("Streams.mirrorQueries()");

    private final String facetMethod;

    Capability(String facetMethod) {
        this.facetMethod = facetMethod;
    }

    /**
     * The method that returns this capability's facet.
     *
     * @return such as {@code Connector.webhooks()}
     */
    public String facetMethod() {
        return facetMethod;
    }

    /**
     * The capabilities an installed connector has, as the host read its facets.
     *
     * @param connector the installed connector
     * @return its capabilities
     */
    public static Set<Capability> of(InstalledConnector connector) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (connector.webhooks().isPresent()) {
            capabilities.add(WEBHOOKS);
        }
        if (connector.streams().isPresent()) {
            capabilities.add(STREAMS);
        }
        if (connector.changeFeed().isPresent()) {
            capabilities.add(CHANGE_FEED);
        }
        if (connector.mirrorQueries().isPresent()) {
            capabilities.add(MIRROR_QUERIES);
        }
        return capabilities;
    }
}
