package io.tributary.connector.host;

/**
 * The Java source of a test connector: a factory {@code <package>.Factory} with its connector
 * nested. Its one query, {@code <type id>.answer}, returns {@code {"answer": <answer>}}, so a test
 * can have code run inside the plugin and read what it saw. Closing the connector writes a file
 * {@code closed-<type id>} next to its jar, which a test can see even after the plugin is gone.
 *
 * @param packageName the package, unique per connector
 * @param typeId the type id
 * @param spiVersion a Java expression for {@code spiVersion()}
 * @param answer a Java expression of type String, evaluated in {@code runQuery}; the factory's
 *     static {@code visible(className)} says "visible" or "hidden" for a class name
 * @param constructorBody statements run by the factory's constructor
 * @param createBody statements run by {@code create} before it returns the connector
 * @param settings a Java expression for {@code settings()}
 */
record ConnectorSource(String packageName, String typeId, String spiVersion, String answer, String constructorBody,
                       String createBody, String settings) {

    static ConnectorSource of(String packageName, String typeId) {
        return new ConnectorSource(packageName, typeId, "SpiVersion.CURRENT", "\"" + typeId + "\"", "", "", "List.of()");
    }

    ConnectorSource packageNamed(String otherPackage, String otherTypeId) {
        return new ConnectorSource(otherPackage, otherTypeId, spiVersion, answer, constructorBody, createBody, settings);
    }

    ConnectorSource answering(String expression) {
        return new ConnectorSource(packageName, typeId, spiVersion, expression, constructorBody, createBody, settings);
    }

    ConnectorSource builtFor(String version) {
        return new ConnectorSource(packageName, typeId, "\"" + version + "\"", answer, constructorBody, createBody, settings);
    }

    ConnectorSource constructing(String statements) {
        return new ConnectorSource(packageName, typeId, spiVersion, answer, statements, createBody, settings);
    }

    ConnectorSource creating(String statements) {
        return new ConnectorSource(packageName, typeId, spiVersion, answer, constructorBody, statements, settings);
    }

    ConnectorSource withSettings(String expression) {
        return new ConnectorSource(packageName, typeId, spiVersion, answer, constructorBody, createBody, expression);
    }

    /** @return the factory's class name, for a services file */
    String factory() {
        return packageName + ".Factory";
    }

    String source() {
        return """
                package %1$s;

                import io.tributary.connector.spi.*;
                import com.fasterxml.jackson.databind.node.JsonNodeFactory;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.List;

                public class Factory implements ConnectorFactory {

                    public Factory() {
                        %5$s
                    }

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

                    public List<ParameterSpec> settings() {
                        return %7$s;
                    }

                    public Connector create(ConnectorSettings settings) {
                        %6$s
                        return new Instance();
                    }

                    static String visible(String className) {
                        try {
                            Class.forName(className);
                            return "visible";
                        } catch (ClassNotFoundException e) {
                            return "hidden";
                        }
                    }

                    static final class Instance implements Connector {
                        public CredentialCheck validateCredentials(ConnectorContext context) {
                            return new CredentialCheck(new AccountIdentity("acct", false, null), List.of(), List.of());
                        }

                        public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
                            return QueryResult.of(JsonNodeFactory.instance.objectNode().put("answer", %4$s));
                        }

                        public void close() {
                            try {
                                Path jar = Path.of(Factory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                                Files.writeString(jar.resolveSibling("closed-%2$s"), "closed");
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                }
                """.formatted(packageName, typeId, spiVersion, answer, constructorBody, createBody, settings);
    }
}
