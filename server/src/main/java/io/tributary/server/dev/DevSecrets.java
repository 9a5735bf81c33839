package io.tributary.server.dev;

import io.tributary.crypto.MasterKey;
import java.io.PrintStream;
import java.nio.file.Path;

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

    /** Loads the file, creating it (mode 0600 from its first byte) with fresh secrets when missing. */
    public static DevSecrets loadOrCreate(Path file, String adminTokenOverride) {
        SecretsFile secrets = new SecretsFile(file);
        String masterKey = secrets.getOrCreate(MASTER_KEY, () -> MasterKey.generate("dev").exportBase64());
        String stored = secrets.getOrCreate(ADMIN_TOKEN, () -> "trb_admin_" + SecretsFile.randomToken());
        String adminToken = adminTokenOverride == null || adminTokenOverride.isBlank() ? stored : adminTokenOverride.trim();
        return new DevSecrets(masterKey, adminToken);
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
}
