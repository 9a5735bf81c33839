package io.tributary.server.core;

import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.WrappedDataKey;
import io.tributary.server.db.SourceCiphertextDao;
import io.tributary.server.db.WorkspaceKeyDao;
import io.tributary.server.db.WorkspaceKeys;
import io.tributary.server.sources.CredentialsUnreadable;
import io.tributary.server.sources.StoredCredentials;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Rotates a workspace's data key beside a working server, and can be stopped at any point and run
 * again:
 * <ol>
 * <li>{@link #begin}: a new key is stored as the workspace's next key (or the one a stopped run
 *     stored is found): from then on every write is under it;</li>
 * <li>{@link #moveSource}: each source's ciphertexts are re-encrypted under it at their next
 *     version, a source per transaction; until then they stay under the current key, and readers
 *     open each with the key it names;</li>
 * <li>{@link #finish}: once no source is under the current key, one transaction makes the next key
 *     the key, so the old one is stored nowhere, and records the rotation in the workspace's audit chain.</li>
 * </ol>
 */
public final class DataKeyRotation {

    public static final String ACTOR = "system:rotateDataKeys";

    // Writes go to the next key once a rotation begins, so one pass leaves nothing behind; the
    // bound only turns an unforeseen race into an error instead of a loop.
    private static final int MAX_PASSES = 3;

    /** A rotation begun or found in progress: the key every source moves to. */
    public record Begun(String nextDataKeyId, boolean resumed) {
    }

    /**
     * A finished rotation.
     *
     * @param sources     the sources under the new key
     * @param reencrypted how many this run re-encrypted (the rest were moved by a stopped run, or written under it)
     */
    public record Result(String workspaceId, String previousDataKeyId, String dataKeyId, int sources, int reencrypted, boolean resumed) {
    }

    private final Jdbi jdbi;
    private final EnvelopeEncryption encryption;
    private final StoredCredentials stored;
    private final AuditTrail audit;
    private final Clock clock;

    public DataKeyRotation(Jdbi jdbi, EnvelopeEncryption encryption, StoredCredentials stored, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.encryption = encryption;
        this.stored = stored;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Rotates the workspace's data key, resuming a rotation a stopped run began.
     *
     * @throws IllegalArgumentException if there is no such workspace
     * @throws CredentialsUnreadable if a source's credentials do not open: that source keeps the old
     *     key (so does the workspace) until it gets new credentials; run again then
     */
    public Result rotate(String workspaceId) {
        Begun begun = begin(workspaceId);
        int reencrypted = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            for (String dataSourceId : pending(workspaceId, begun.nextDataKeyId())) {
                if (moveSource(dataSourceId)) {
                    reencrypted++;
                }
            }
            Optional<Result> finished = finish(workspaceId, begun, reencrypted);
            if (finished.isPresent()) {
                return finished.get();
            }
        }
        throw new IllegalStateException("Sources of workspace " + workspaceId + " kept being written under its old data key");
    }

    /** Stores a new next key for the workspace, or finds the one a stopped run stored. */
    public Begun begin(String workspaceId) {
        return jdbi.inTransaction(handle -> {
            WorkspaceKeyDao keys = handle.attach(WorkspaceKeyDao.class);
            WorkspaceKeys current = keys.lock(workspaceId).orElseThrow(() -> new IllegalArgumentException("No workspace " + workspaceId));
            if (current.rotating()) {
                return new Begun(dataKeyId(current.nextDataKey()), true);
            }
            WrappedDataKey next = encryption.newDataKey(workspaceId);
            keys.beginRotation(workspaceId, next.toText());
            return new Begun(next.dataKeyId(), false);
        });
    }

    /** The workspace's sources whose ciphertexts are not under the given key yet. */
    public List<String> pending(String workspaceId, String nextDataKeyId) {
        return jdbi.withExtension(SourceCiphertextDao.class, sources -> sources.notUnder(workspaceId, nextDataKeyId));
    }

    /** Re-encrypts one source under its workspace's next key, in a transaction of its own; false if it was already under it. */
    public boolean moveSource(String dataSourceId) {
        return stored.rewrite(dataSourceId, clock.instant(), (source, keys) -> {
            if (!keys.rotating() || source.dataKeyId().equals(dataKeyId(keys.nextDataKey()))) {
                return Optional.empty();
            }
            return Optional.of(stored.vault().reseal(source, keys.nextDataKey(), ACTOR));
        });
    }

    /** Makes the next key the key if every source is under it, with its audit row, in one transaction; empty if some are not. */
    Optional<Result> finish(String workspaceId, Begun begun, int reencrypted) {
        return jdbi.inTransaction(handle -> {
            WorkspaceKeyDao keyDao = handle.attach(WorkspaceKeyDao.class);
            WorkspaceKeys keys = keyDao.lock(workspaceId).orElseThrow(() -> new IllegalArgumentException("No workspace " + workspaceId));
            if (!keys.rotating() || !dataKeyId(keys.nextDataKey()).equals(begun.nextDataKeyId())) {
                throw new IllegalStateException("Another run finished the rotation of workspace " + workspaceId);
            }
            SourceCiphertextDao sources = handle.attach(SourceCiphertextDao.class);
            if (!sources.notUnder(workspaceId, begun.nextDataKeyId()).isEmpty()) {
                return Optional.empty();
            }
            keyDao.promote(workspaceId, keys.nextDataKey());
            Result result = new Result(workspaceId, dataKeyId(keys.dataKey()), begun.nextDataKeyId(), sources.count(workspaceId),
                    reencrypted, begun.resumed());
            audit.record(handle, workspaceId, ACTOR, "data_key.rotate", "workspace:" + workspaceId, Map.of(
                    "data_key", result.dataKeyId(), "previous_data_key", result.previousDataKeyId(),
                    "sources", String.valueOf(result.sources())));
            return Optional.of(result);
        });
    }

    private static String dataKeyId(String wrappedDataKey) {
        return WrappedDataKey.parse(wrappedDataKey).dataKeyId();
    }
}
