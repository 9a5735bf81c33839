package io.tributary.server.sources;

import io.tributary.connector.spi.Credentials;
import io.tributary.server.db.SealedCredentials;
import io.tributary.server.db.PreviousWebhookSecret;
import io.tributary.server.db.DataSourceDao;
import io.tributary.server.db.SourceCiphertextDao;
import io.tributary.server.db.SourceCiphertexts;
import io.tributary.server.db.WorkspaceKeyDao;
import io.tributary.server.db.WorkspaceKeys;
import io.tributary.server.problems.NotFound;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Where a source's credentials are read and written, so that a data key rotation can run beside a
 * working server:
 * <ul>
 * <li>a read takes the ciphertexts and the workspace's keys in one statement, when the credentials
 *     are needed, so the key a ciphertext names is among the keys read with it;</li>
 * <li>a write holds the workspace's keys shared, then the source's row, and writes under the write
 *     key (the next one during a rotation) at the next version, so a rotation's end never passes a
 *     write still under the old key.</li>
 * </ul>
 */
public final class StoredCredentials {

    /** A webhook signing secret and the ciphertext it was opened from. */
    public record OpenedSecret(String ciphertext, String secret) {
        @Override
        public String toString() {
            return "OpenedSecret[secret=***]";
        }
    }

    private final Jdbi jdbi;
    private final CredentialVault vault;

    public StoredCredentials(Jdbi jdbi, CredentialVault vault) {
        this.jdbi = jdbi;
        this.vault = vault;
    }

    public CredentialVault vault() {
        return vault;
    }

    /**
     * The source's credentials as stored now, with one audited decryption.
     *
     * @throws CredentialsUnreadable if they do not decrypt
     * @throws NotFound if the source is gone
     */
    public Credentials open(String dataSourceId, String requestedBy) {
        return vault.open(read(dataSourceId), requestedBy);
    }

    /** The source's webhook signing secret as stored now, with one audited decryption; empty when it has none. */
    public Optional<OpenedSecret> openWebhookSecret(String dataSourceId, String requestedBy) {
        SourceCiphertexts stored = read(dataSourceId);
        return stored.webhookSecret() == null ? Optional.empty()
                : Optional.of(new OpenedSecret(stored.webhookSecret(), vault.openWebhookSecret(stored, requestedBy)));
    }

    /**
     * The source's replaced signing secret, still accepted until its overlap ends, with one audited
     * decryption; empty when there is none (or it no longer opens: a data key rotation ends the overlap).
     */
    public Optional<OpenedSecret> openPreviousWebhookSecret(String dataSourceId, PreviousWebhookSecret previous, String requestedBy) {
        return Optional.of(new OpenedSecret(previous.ciphertext(),
                vault.openPreviousWebhookSecret(read(dataSourceId), previous.ciphertext(), previous.version(), requestedBy)));
    }

    /** A new source's credentials, at the first version; call inside the transaction that inserts the source. */
    public SealedCredentials sealNew(Handle handle, String workspaceId, String dataSourceId, SplitCredentials split) {
        WorkspaceKeys keys = keys(handle, workspaceId);
        return vault.seal(workspaceId, dataSourceId, keys.writeKey(), CredentialVault.FIRST_VERSION, split);
    }

    /**
     * Replaces the source's credentials inside the caller's transaction, at the next version.
     *
     * @param hints the credential hints of the new values
     */
    public SealedCredentials replace(Handle handle, String workspaceId, String dataSourceId, SplitCredentials split, String hints,
                                     Instant at) {
        return replace(handle, workspaceId, dataSourceId, split, hints, at, java.time.Duration.ZERO);
    }

    /**
     * As {@link #replace(Handle, String, String, SplitCredentials, String, Instant)}; the signing
     * secret replaced stays accepted beside the new one for {@code overlap} (its ciphertext kept as
     * it was sealed), so a sender can switch without losing deliveries.
     */
    public SealedCredentials replace(Handle handle, String workspaceId, String dataSourceId, SplitCredentials split, String hints,
                                     Instant at, java.time.Duration overlap) {
        WorkspaceKeys keys = keys(handle, workspaceId);
        SourceCiphertexts current = handle.attach(SourceCiphertextDao.class).lock(dataSourceId)
                .orElseThrow(() -> new NotFound("Data source " + dataSourceId));
        SealedCredentials sealed = vault.seal(workspaceId, dataSourceId, keys.writeKey(), current.credentialVersion() + 1, split);
        write(handle, current, sealed, hints, at);
        boolean overlapping = current.webhookSecret() != null && sealed.webhookSecret() != null && overlap.compareTo(java.time.Duration.ZERO) > 0;
        handle.attach(DataSourceDao.class).setPreviousWebhookSecret(dataSourceId, overlapping ? current.webhookSecret() : null,
                overlapping ? current.credentialVersion() : null, overlapping ? at.plus(overlap) : null);
        return sealed;
    }

    /**
     * Rewrites a source's ciphertexts in a transaction of its own (a re-encryption, an upgrade).
     *
     * @param rewrite given the locked source and its workspace's keys, the new ciphertexts, or empty to leave it
     * @return whether the source was rewritten (false when gone, or when {@code rewrite} left it)
     */
    public boolean rewrite(String dataSourceId, Instant at,
                           BiFunction<SourceCiphertexts, WorkspaceKeys, Optional<SealedCredentials>> rewrite) {
        return jdbi.inTransaction(handle -> {
            SourceCiphertextDao sources = handle.attach(SourceCiphertextDao.class);
            Optional<SourceCiphertexts> found = sources.read(dataSourceId);
            if (found.isEmpty()) {
                return false;
            }
            WorkspaceKeys keys = keys(handle, found.get().workspaceId());
            Optional<SourceCiphertexts> locked = sources.lock(dataSourceId);
            if (locked.isEmpty()) {
                return false;
            }
            Optional<SealedCredentials> sealed = rewrite.apply(locked.get(), keys);
            sealed.ifPresent(next -> {
                write(handle, locked.get(), next, null, at);
                // A re-encryption ends an overlap: the replaced secret stays under the old key, which a rotation destroys.
                handle.attach(DataSourceDao.class).setPreviousWebhookSecret(dataSourceId, null, null, null);
            });
            return sealed.isPresent();
        });
    }

    private SourceCiphertexts read(String dataSourceId) {
        return jdbi.withExtension(SourceCiphertextDao.class, sources -> sources.read(dataSourceId))
                .orElseThrow(() -> new NotFound("Data source " + dataSourceId));
    }

    /** The workspace's keys, held shared until the transaction ends. */
    private static WorkspaceKeys keys(Handle handle, String workspaceId) {
        return handle.attach(WorkspaceKeyDao.class).share(workspaceId)
                .orElseThrow(() -> new IllegalStateException("The workspace " + workspaceId + " is gone"));
    }

    private static void write(Handle handle, SourceCiphertexts current, SealedCredentials sealed, String hints, Instant at) {
        // The row is locked: it is still at the version read, unless a defect bypassed the lock.
        if (handle.attach(SourceCiphertextDao.class).write(current.dataSourceId(), current.credentialVersion(), sealed, hints, at) != 1) {
            throw new IllegalStateException("The credentials of data source " + current.dataSourceId() + " changed while locked");
        }
    }
}
