package io.tributary.server.dev;

import io.tributary.crypto.MasterKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The master key and admin token of a development setup: generated on first start, kept in a file
 * under {@code ./data} so restarts can read what they encrypted, and announced loudly so nobody
 * mistakes the setup for a production one.
 *
 * @param masterKeyBase64 the master key
 * @param adminToken the admin token ({@code TRIBUTARY_ADMIN_TOKEN} wins when set)
 */
public record DevSecrets(String masterKeyBase64, String adminToken) {

    private static final String MASTER_KEY = "master_key";
    private static final String ADMIN_TOKEN = "admin_token";

    /** Loads the file, creating it with fresh secrets when missing. */
    public static DevSecrets loadOrCreate(Path file, String adminTokenOverride) {
        try {
            Properties properties = new Properties();
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            } else {
                properties.setProperty(MASTER_KEY, MasterKey.generate("dev").exportBase64());
                properties.setProperty(ADMIN_TOKEN, "trb_admin_" + randomToken());
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    properties.store(out, "Tributary development secrets: never use these in production");
                }
                restrictToOwner(file);
            }
            String adminToken = adminTokenOverride == null || adminTokenOverride.isBlank()
                    ? properties.getProperty(ADMIN_TOKEN) : adminTokenOverride.trim();
            return new DevSecrets(properties.getProperty(MASTER_KEY), adminToken);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the development secrets in " + file, e);
        }
    }

    /** The warning printed at every development start. */
    public void announce(PrintStream out, Path file) {
        out.println();
        out.println("==================================================================================");
        out.println(" WARNING: DEVELOPMENT SETUP. The master key and the admin token are kept in");
        out.println("   " + file.toAbsolutePath());
        out.println(" next to an embedded database. Anyone who can read that folder can read every");
        out.println(" credential stored here. For production use bin/tributary start with your own");
        out.println(" PostgreSQL, TRIBUTARY_MASTER_KEY and TRIBUTARY_ADMIN_TOKEN.");
        out.println();
        out.println(" Admin token: " + adminToken);
        out.println("==================================================================================");
        out.println();
    }

    @Override
    public String toString() {
        return "DevSecrets[***]";
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own permissions apply.
        }
    }
}
