package io.tributary.server.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Plugins built at test time around one library, {@code com.acme.lib.Greeting}, in two versions
 * that cannot stand in for each other: {@code greeter-one} bundles version 1, {@code greeter-two}
 * version 2. Each connector's one query, {@code <type id>.answer}, calls its version and says
 * whether the class came from its own plugin. {@code old} is built for SPI 1.0, so it is broken.
 *
 * @param libV1 the library, version 1: {@code static String hello()}
 * @param libV2 the library, version 2: {@code static String hello(String name)} (no {@code hello()})
 */
public record GreeterPlugins(Path libV1, Path libV2, Path greeterOne, Path greeterTwo, Path oldSpi) {

    private static final String LIB_V1 = """
            package com.acme.lib;

            public class Greeting {
                public static String hello() {
                    return "v1";
                }
            }
            """;

    private static final String LIB_V2 = """
            package com.acme.lib;

            public final class Greeting {
                public static String hello(String name) {
                    return "v2 greets " + name;
                }
            }
            """;

    private static final String WHOSE_GREETING = " + (com.acme.lib.Greeting.class.getClassLoader() == Factory.class.getClassLoader()"
            + " ? \" from its own plugin\" : \" from elsewhere\")";

    /** Compiles the libraries and the connectors against them, and packs each into a jar in {@code workDirectory}. */
    public static GreeterPlugins build(Path workDirectory) {
        PluginJars jars = new PluginJars(workDirectory);
        Path libV1 = jars.jar("acme-lib-1.0", List.of(LIB_V1), List.of(), List.of());
        Path libV2 = jars.jar("acme-lib-2.0", List.of(LIB_V2), List.of(), List.of());
        Path one = jars.jar("greeter-one", List.of(connector("com.greeter.one", "greeter-one", "SpiVersion.CURRENT",
                "com.acme.lib.Greeting.hello()" + WHOSE_GREETING)), List.of(libV1), List.of("com.greeter.one.Factory"));
        Path two = jars.jar("greeter-two", List.of(connector("com.greeter.two", "greeter-two", "SpiVersion.CURRENT",
                "com.acme.lib.Greeting.hello(\"plugin two\")" + WHOSE_GREETING)), List.of(libV2), List.of("com.greeter.two.Factory"));
        Path old = jars.jar("old-connector", List.of(connector("com.old", "old", "\"1.0\"", "\"old\"")), List.of(),
                List.of("com.old.Factory"));
        return new GreeterPlugins(libV1, libV2, one, two, old);
    }

    /** Lays out every plugin under {@code pluginsDirectory}: greeter-one, greeter-two, and the broken old. */
    public void layOut(Path pluginsDirectory) {
        plugin(pluginsDirectory, "greeter-one", greeterOne, libV1);
        plugin(pluginsDirectory, "greeter-two", greeterTwo, libV2);
        plugin(pluginsDirectory, "old", oldSpi);
    }

    private static void plugin(Path pluginsDirectory, String name, Path... jars) {
        try {
            Path directory = Files.createDirectories(pluginsDirectory.resolve(name));
            for (Path jar : jars) {
                Files.copy(jar, directory.resolve(jar.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connector whose query {@code <typeId>.answer} returns {@code {"answer": <answer>}}, an expression of type String. */
    private static String connector(String packageName, String typeId, String spiVersion, String answer) {
        return """
                package %1$s;

                import com.fasterxml.jackson.databind.node.JsonNodeFactory;
                import io.tributary.connector.spi.*;
                import java.util.List;

                public class Factory implements ConnectorFactory {

                    public String spiVersion() {
                        return %3$s;
                    }

                    public ConnectorDescriptor descriptor() {
                        return ConnectorDescriptor.builder("%2$s", "%2$s", "A connector built in a test.")
                                .queryType(QueryType.builder("%2$s.answer", "Answers.")
                                        .resultField(ResultField.of("answer", FieldType.STRING, "What the plugin saw."))
                                        .build())
                                .build();
                    }

                    public Connector create(ConnectorSettings settings) {
                        return new Instance();
                    }

                    static final class Instance implements Connector {
                        public CredentialCheck validateCredentials(ConnectorContext context) {
                            return new CredentialCheck(new AccountIdentity("acct_%2$s", false, null),
                                    List.of(CapabilityStatus.available(CapabilityStatus.Kind.QUERY_TYPE, "%2$s.answer")), List.of());
                        }

                        public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
                            return QueryResult.of(JsonNodeFactory.instance.objectNode().put("answer", %4$s));
                        }
                    }
                }
                """.formatted(packageName, typeId, spiVersion, answer);
    }
}
