package io.tributary.server.core;

import io.tributary.crypto.MasterKey;
import io.tributary.crypto.MasterKeyRing;
import io.tributary.server.config.SecurityConfig;
import io.tributary.server.dev.DevSecrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The master key ring and admin token the server runs with: from the configuration in production,
 * from a generated file in development.
 */
public record Secrets(MasterKeyRing masterKeys, String adminToken) {

    public static Secrets resolve(SecurityConfig security) {
        String masterKey = security.masterKey();
        String adminToken = security.adminToken();
        if (security.devMode()) {
            Path file = Path.of(security.devSecretsFile());
            DevSecrets dev = DevSecrets.loadOrCreate(file, adminToken);
            dev.announce(System.out, file);
            masterKey = masterKey.isEmpty() ? dev.masterKeyBase64() : masterKey;
            adminToken = dev.adminToken();
        }
        List<MasterKey> retired = new ArrayList<>();
        security.retiredMasterKeys().forEach((id, key) -> retired.add(MasterKey.fromBase64(id, key)));
        return new Secrets(MasterKeyRing.of(MasterKey.fromBase64(security.masterKeyId(), masterKey), retired), adminToken);
    }

    @Override
    public String toString() {
        return "Secrets[masterKeys=" + masterKeys.keyIds() + ", adminToken=***]";
    }
}
