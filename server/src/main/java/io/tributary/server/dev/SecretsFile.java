package io.tributary.server.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * A development setup's secrets file: a properties file readable by its owner only from its first
 * byte (created with mode 0600, never chmod-ed after writing), each value generated on first use
 * and kept, so restarts read what earlier starts encrypted or configured.
 */
public final class SecretsFile {

    private static final String COMMENT = "Tributary development secrets: never use these in production";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    public SecretsFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /** The value under {@code name}, generated and stored when missing. */
    public synchronized String getOrCreate(String name, Supplier<String> generate) {
        Properties properties = read();
        String value = properties.getProperty(name);
        if (value == null) {
            value = generate.get();
            properties.setProperty(name, value);
            write(properties);
        }
        return value;
    }

    /** A random token of 24 bytes, URL-safe base64. */
    public static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Properties read() {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the development secrets in " + file, e);
            }
        }
        return properties;
    }

    /** Writes a new file beside the old (created 0600 before its first byte), then moves it over. */
    private void write(Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            createOwnerOnly(next);
            try (OutputStream out = Files.newOutputStream(next)) {
                properties.store(out, COMMENT);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the development secrets in " + file, e);
        }
    }

    private static void createOwnerOnly(Path path) throws IOException {
        FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        try {
            Files.createFile(path, ownerOnly);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own permissions apply.
            Files.createFile(path);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Someone else is writing " + path, e);
        }
    }
}
