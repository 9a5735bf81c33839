package io.tributary.server.core;

import io.tributary.server.db.SourceCiphertextDao;
import io.tributary.server.sources.CredentialsUnreadable;
import io.tributary.server.sources.StoredCredentials;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the credentials of sources stored before ciphertexts carried a version (version 0, opened
 * with the unversioned associated data) to version 1, at start-up: each ciphertext re-encrypted
 * once (one audited decryption), each source in a transaction of its own, so a server stopped
 * midway finishes on its next start.
 *
 * <p>At start-up rather than on first use: reads stay reads (no write racing a rotation or a
 * PATCH), and the unversioned associated data stops being used at once instead of lingering on
 * sources nobody reads. A source whose credentials do not open stays at version 0, with a warning.
 */
public final class CredentialVersionUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialVersionUpgrade.class);
    private static final String ACTOR = "system:credentialVersionUpgrade";

    private CredentialVersionUpgrade() {
    }

    /** Upgrades every unversioned source; returns how many it upgraded. */
    public static int run(Jdbi jdbi, StoredCredentials stored, Clock clock) {
        List<String> unversioned = jdbi.withExtension(SourceCiphertextDao.class, SourceCiphertextDao::unversioned);
        int upgraded = 0;
        for (String id : unversioned) {
            try {
                if (stored.rewrite(id, clock.instant(), (source, keys) -> source.credentialVersion() != 0 ? Optional.empty()
                        : Optional.of(stored.vault().reseal(source, keys.writeKey(), ACTOR)))) {
                    upgraded++;
                }
            } catch (CredentialsUnreadable e) {
                LOG.warn("The credentials of data source {} stay unversioned: {}", id, e.getMessage());
            }
        }
        if (upgraded > 0) {
            LOG.info("Bound the credentials of {} data source(s) to their version", upgraded);
        }
        return upgraded;
    }
}
