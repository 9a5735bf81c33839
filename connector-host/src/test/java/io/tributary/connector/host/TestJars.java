package io.tributary.connector.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every jar the plugin tests use, compiled once per test class: two versions of one library, and
 * plugins built against each and against nothing but the SPI.
 */
record TestJars(Path libV1, Path libV2, Path greeterV1, Path greeterV2, Path probe, Path plain, Path oldSpi,
                Path failingConstructor, Path failingCreate, Path limited, Path sameA, Path sameB, Path plainTwin,
                Path halfBroken, Path contextChecking, Path garbage) {

    /** Version 1 of a library: {@code String hello()}. */
    static final String LIB_V1 = """
            package com.acme.lib;

            public class Greeting {
                public static String hello() {
                    return "v1";
                }
            }
            """;

    /** Version 2 of the same class, incompatible with version 1: {@code hello} takes a name. */
    static final String LIB_V2 = """
            package com.acme.lib;

            public final class Greeting {
                public static String hello(String name) {
                    return "v2 greets " + name;
                }
            }
            """;

    /** A class a plugin bundles in a package the host shares; the plugin must never see it. */
    static final String SNEAKY = """
            package com.fasterxml.jackson.databind;

            public class Sneaky {
            }
            """;

    static final String WHOSE_GREETING = " + (com.acme.lib.Greeting.class.getClassLoader() == Factory.class.getClassLoader()"
            + " ? \" from the plugin\" : \" from elsewhere\")";

    static final ConnectorSource GREETER_V1 = ConnectorSource.of("com.greeter.one", "greeter-one")
            .answering("com.acme.lib.Greeting.hello()" + WHOSE_GREETING);
    static final ConnectorSource GREETER_V2 = ConnectorSource.of("com.greeter.two", "greeter-two")
            .answering("com.acme.lib.Greeting.hello(\"plugin two\")" + WHOSE_GREETING);
    static final ConnectorSource PROBE = ConnectorSource.of("com.probe", "probe")
            .answering("\"assertj \" + visible(\"org.assertj.core.api.Assertions\")"
                    + " + \", host \" + visible(\"io.tributary.connector.host.ConnectorRegistry\")"
                    + " + \", bundled jackson \" + visible(\"com.fasterxml.jackson.databind.Sneaky\")"
                    + " + \", spi \" + visible(\"io.tributary.connector.spi.Connector\")");
    static final ConnectorSource PLAIN = ConnectorSource.of("com.plain", "plain");
    static final ConnectorSource OLD_SPI = ConnectorSource.of("com.old", "old").builtFor("1.0");
    static final ConnectorSource FAILING_CONSTRUCTOR = ConnectorSource.of("com.ctor", "ctor")
            .constructing("if (true) throw new IllegalStateException(\"no licence file\");");
    static final ConnectorSource FAILING_CREATE = ConnectorSource.of("com.create", "create")
            .creating("if (true) throw new IllegalStateException(\"cannot reach the licence server\");");
    static final ConnectorSource LIMITED = ConnectorSource.of("com.limited", "limited")
            .withSettings("List.of(ParameterSpec.integer(\"limit\", \"At most this many.\").between(1, 10))");
    static final ConnectorSource SAME_A = ConnectorSource.of("com.samea", "same");
    static final ConnectorSource SAME_B = ConnectorSource.of("com.sameb", "same");
    static final ConnectorSource PLAIN_TWIN = ConnectorSource.of("com.twin", "plain");
    static final ConnectorSource HALF_GOOD = ConnectorSource.of("com.half.good", "half-good");
    static final ConnectorSource HALF_BAD = FAILING_CREATE.packageNamed("com.half.bad", "half-bad");
    private static final String REQUIRE_OWN_CONTEXT_LOADER = "if (Thread.currentThread().getContextClassLoader() != Factory.class.getClassLoader())"
            + " throw new IllegalStateException(\"the context class loader is \" + Thread.currentThread().getContextClassLoader());";
    static final ConnectorSource CONTEXT_CHECKING = ConnectorSource.of("com.context", "context")
            .constructing(REQUIRE_OWN_CONTEXT_LOADER).creating(REQUIRE_OWN_CONTEXT_LOADER)
            .answering("Thread.currentThread().getContextClassLoader() == Factory.class.getClassLoader() ? \"own loader\" : \"other loader\"");

    static TestJars build(Path workDir) throws IOException {
        JavaJars jars = new JavaJars(workDir);
        Path v1Classes = jars.compile("lib-v1", List.of(LIB_V1), List.of());
        Path v2Classes = jars.compile("lib-v2", List.of(LIB_V2), List.of());
        Path libV1 = jars.jar("acme-lib-1.0", v1Classes, List.of("com.acme.lib"), List.of());
        Path libV2 = jars.jar("acme-lib-2.0", v2Classes, List.of("com.acme.lib"), List.of());
        Path greeterV1Classes = jars.compile("greeter-one", List.of(GREETER_V1.source()), List.of(libV1));
        Path greeterV2Classes = jars.compile("greeter-two", List.of(GREETER_V2.source()), List.of(libV2));
        List<ConnectorSource> spiOnly = List.of(PROBE, PLAIN, OLD_SPI, FAILING_CONSTRUCTOR, FAILING_CREATE, LIMITED,
                SAME_A, SAME_B, PLAIN_TWIN, HALF_GOOD, HALF_BAD, CONTEXT_CHECKING);
        List<String> sources = new java.util.ArrayList<>(spiOnly.stream().map(ConnectorSource::source).toList());
        sources.add(SNEAKY);
        Path classes = jars.compile("spi-only", sources, List.of());
        Path garbage = workDir.resolve("garbage.jar");
        Files.writeString(garbage, "this is not a zip file", StandardCharsets.UTF_8);
        return new TestJars(libV1, libV2,
                jars.jar("greeter-one", greeterV1Classes, List.of(GREETER_V1.packageName()), List.of(GREETER_V1.factory())),
                jars.jar("greeter-two", greeterV2Classes, List.of(GREETER_V2.packageName()), List.of(GREETER_V2.factory())),
                jars.jar("probe", classes, List.of(PROBE.packageName(), "com.fasterxml.jackson.databind"), List.of(PROBE.factory())),
                connector(jars, classes, PLAIN), connector(jars, classes, OLD_SPI), connector(jars, classes, FAILING_CONSTRUCTOR),
                connector(jars, classes, FAILING_CREATE), connector(jars, classes, LIMITED), connector(jars, classes, SAME_A),
                connector(jars, classes, SAME_B), connector(jars, classes, PLAIN_TWIN),
                jars.jar("half-broken", classes, List.of(HALF_GOOD.packageName(), HALF_BAD.packageName()),
                        List.of(HALF_GOOD.factory(), HALF_BAD.factory())),
                connector(jars, classes, CONTEXT_CHECKING), garbage);
    }

    private static Path connector(JavaJars jars, Path classes, ConnectorSource connector) throws IOException {
        return jars.jar(connector.typeId() + "-" + connector.packageName(), classes, List.of(connector.packageName()),
                List.of(connector.factory()));
    }

    /**
     * Lays out a plugin: a directory under the plugins directory with copies of the jars.
     *
     * @return the plugin's directory
     */
    static Path plugin(Path pluginsDirectory, String name, Path... jars) throws IOException {
        Path directory = Files.createDirectories(pluginsDirectory.resolve(name));
        for (Path jar : jars) {
            Files.copy(jar, directory.resolve(jar.getFileName()));
        }
        return directory;
    }
}
