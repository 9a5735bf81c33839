package io.tributary.connector.host;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
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
 * Builds real jars during a test, as a third party would: Java source compiled with javac against
 * the test class path (which holds the SPI and Jackson) plus given jars, then packed, optionally
 * with a {@code META-INF/services} file.
 */
final class JavaJars {

    private static final String SERVICES = "META-INF/services/io.tributary.connector.spi.ConnectorFactory";

    private final Path workDir;

    JavaJars(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Compiles sources into a fresh class directory.
     *
     * @param name a name for the directories, unique per builder
     * @param sources Java compilation units, each with one public top-level type
     * @param classPath jars to compile against, besides the test class path
     * @return the class directory
     */
    Path compile(String name, List<String> sources, List<Path> classPath) throws IOException {
        Path sourceDir = Files.createDirectories(workDir.resolve(name + "-src"));
        Path classDir = Files.createDirectories(workDir.resolve(name + "-classes"));
        String path = Stream.concat(classPath.stream().map(Path::toString), Stream.of(System.getProperty("java.class.path")))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> arguments = new ArrayList<>(List.of("-d", classDir.toString(), "-classpath", path, "-proc:none", "-nowarn"));
        for (String source : sources) {
            Path file = sourceDir.resolve(packageOf(source).replace('.', '/')).resolve(typeOf(source) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (compiler.run(null, null, errors, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("Test sources for " + name + " did not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        return classDir;
    }

    /**
     * Packs the classes of some packages of a class directory into a jar.
     *
     * @param jarName the jar's file name, without {@code .jar}
     * @param classDir a directory {@link #compile} made
     * @param packages the packages to include, such as {@code com.acme.lib}
     * @param services the factory classes its services file lists; none for no services file
     * @return the jar
     */
    Path jar(String jarName, Path classDir, List<String> packages, List<String> services) throws IOException {
        Path jar = workDir.resolve(jarName + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String packageName : packages) {
                Path packageDir = classDir.resolve(packageName.replace('.', '/'));
                try (Stream<Path> files = Files.list(packageDir)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(classDir.relativize(file).toString().replace('\\', '/')));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
            if (!services.isEmpty()) {
                out.putNextEntry(new JarEntry(SERVICES));
                out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
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
