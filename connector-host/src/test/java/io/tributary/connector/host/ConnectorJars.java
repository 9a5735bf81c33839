package io.tributary.connector.host;

import io.tributary.connector.spi.ConnectorFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real connector jars during a test, the way a third party would ship them: Java source
 * compiled against the SPI on the test class path, packed with a
 * {@code META-INF/services/io.tributary.connector.spi.ConnectorFactory} file.
 */
final class ConnectorJars {

    private final Path workDir;

    ConnectorJars(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * A connector factory class whose type id and reported SPI version are given ({@code spiVersion} is
     * a Java expression), with one setting, {@code page_size} (1 to 100, default 10), and its connector
     * as a nested class.
     */
    static String connectorSource(String packageName, String className, String typeId, String spiVersionExpression) {
        return """
                package %1$s;

                import io.tributary.connector.spi.*;
                import com.fasterxml.jackson.databind.node.JsonNodeFactory;
                import java.util.List;

                public class %2$s implements ConnectorFactory {
                    public String spiVersion() { return %4$s; }
                    public ConnectorDescriptor descriptor() {
                        return ConnectorDescriptor.builder("%3$s", "%2$s", "A connector built in a test.")
                                .queryType(QueryType.builder("%3$s.count", "Counts.")
                                        .resultField(ResultField.of("count", FieldType.INTEGER, "The count.")).build())
                                .build();
                    }
                    public List<ParameterSpec> settings() {
                        return List.of(ParameterSpec.integer("page_size", "Records per page.").between(1, 100).withDefault(10));
                    }
                    public Connector create(ConnectorSettings settings) {
                        return new Counter(settings.integer("page_size").orElseThrow());
                    }

                    static final class Counter implements Connector {
                        private final long pageSize;
                        Counter(long pageSize) { this.pageSize = pageSize; }
                        public CredentialCheck validateCredentials(ConnectorContext context) {
                            return new CredentialCheck(new AccountIdentity("acct", false, null), List.of(), List.of());
                        }
                        public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
                            return QueryResult.of(JsonNodeFactory.instance.objectNode().put("count", pageSize));
                        }
                    }
                }
                """.formatted(packageName, className, typeId, spiVersionExpression);
    }

    /** Compiles the sources and packs them into {@code name.jar} with a services file listing {@code services}. */
    Path jar(String name, List<String> sources, List<String> services) throws IOException {
        Path sourceDir = Files.createDirectories(workDir.resolve(name + "-src"));
        Path classDir = Files.createDirectories(workDir.resolve(name + "-classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classDir.toString(),
                "-classpath", System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
        for (String source : sources) {
            String packageName = source.lines().filter(line -> line.startsWith("package ")).findFirst().orElseThrow()
                    .substring("package ".length()).replace(";", "").trim();
            String className = source.lines().filter(line -> line.startsWith("public class ")).findFirst().orElseThrow()
                    .split(" ")[2];
            Path file = sourceDir.resolve(packageName.replace('.', '/')).resolve(className + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("Test connector sources did not compile");
        }
        Path jar = workDir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> classes = Files.walk(classDir)) {
            for (Path file : classes.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classDir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + ConnectorFactory.class.getName()));
            write(out, String.join("\n", services) + "\n");
            out.closeEntry();
        }
        return jar;
    }

    static URLClassLoader loaderFor(Path... jars) {
        URL[] urls = Stream.of(jars).map(ConnectorJars::url).toArray(URL[]::new);
        return new URLClassLoader(urls, ConnectorJars.class.getClassLoader());
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
