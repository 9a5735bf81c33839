package io.tributary.server.plugins;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.spi.ConnectorFactory;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds jars during a test as a third party would: Java source compiled with javac against what a
 * plugin is given (the SPI and Jackson, taken from where the server loads them) plus the jars it
 * bundles, then packed, with a {@code META-INF/services} file when it holds connectors.
 */
public final class PluginJars {

    private static final String SERVICES = "META-INF/services/" + ConnectorFactory.class.getName();

    private final Path workDirectory;

    public PluginJars(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /**
     * Compiles sources and packs every class they make into one jar.
     *
     * @param name the jar's file name, without {@code .jar}; unique per instance
     * @param sources Java compilation units, each with one public top-level type
     * @param bundled jars the sources use, which the plugin ships beside this one
     * @param factories the factory classes the services file lists; none for a library
     * @return the jar
     */
    public Path jar(String name, List<String> sources, List<Path> bundled, List<String> factories) {
        try {
            Path classes = compile(name, sources, bundled);
            Path jar = workDirectory.resolve(name + ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
                if (!factories.isEmpty()) {
                    out.putNextEntry(new JarEntry(SERVICES));
                    out.write((String.join("\n", factories) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path compile(String name, List<String> sources, List<Path> bundled) throws IOException {
        Path sourceDirectory = Files.createDirectories(workDirectory.resolve(name + "-src"));
        Path classDirectory = Files.createDirectories(workDirectory.resolve(name + "-classes"));
        String classPath = Stream.concat(bundled.stream(), Stream.of(ConnectorFactory.class, JsonNode.class, JsonParser.class,
                        JsonProperty.class).map(PluginJars::locationOf))
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        List<String> arguments = new ArrayList<>(List.of("-d", classDirectory.toString(), "-classpath", classPath, "-proc:none",
                "-nowarn", "--release", "17"));
        for (String source : sources) {
            Path file = sourceDirectory.resolve(packageOf(source).replace('.', '/')).resolve(typeOf(source) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (compiler.run(null, null, errors, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("The sources of " + name + " did not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        return classDirectory;
    }

    /** The jar (or class directory) a class is loaded from. */
    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String packageOf(String source) {
        return source.lines().filter(line -> line.startsWith("package ")).findFirst().orElseThrow()
                .substring("package ".length()).replace(";", "").trim();
    }

    private static String typeOf(String source) {
        return source.lines().filter(line -> line.startsWith("public ")).findFirst().orElseThrow()
                .replaceFirst("public (final )?(class|interface|record) ", "").split("[ <{(]")[0];
    }
}
