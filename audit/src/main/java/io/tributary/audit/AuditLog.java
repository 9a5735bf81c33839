package io.tributary.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The audit log: append events, query them, and verify that a workspace's history has not been
 * tampered with. Thread-safe; create one per server.
 *
 * <p>Each workspace is a separate hash chain whose head is sealed with an HMAC keyed outside the
 * database. Appends to one workspace are serialised by locking its head row, so concurrent
 * appends always produce seq 1, 2, 3, ... and a valid chain. Run {@link AuditSchema#migrate}
 * first.
 */
public final class AuditLog {

    private final Jdbi jdbi;
    private final Clock clock;
    private final HeadSealer sealer;
    private final ChainVerifier verifier;
    private final AuditRepository repository = new AuditRepository();

    /**
     * @param jdbi access to the database holding the audit tables
     * @param clock source of event times
     * @param macKey key sealing chain heads, at least 32 bytes; keep it out of the database
     *     (the server derives it from its master key). Changing it makes every existing head fail
     *     verification.
     */
    public AuditLog(Jdbi jdbi, Clock clock, byte[] macKey) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sealer = new HeadSealer(macKey);
        this.verifier = new ChainVerifier(sealer);
    }

    /** Records an event in its own transaction and returns it as stored. */
    public AuditEvent append(AuditEntry entry) {
        // READ COMMITTED so that, after waiting for the head lock, we see the head as the
        // previous appender committed it (a stricter level would fail with a serialisation error).
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> appendLocked(handle, entry));
    }

    /**
     * Records an event inside the caller's transaction, so it commits or rolls back with the change
     * it describes. Starts a transaction on the handle if none is open. The workspace's head stays
     * locked until the caller's transaction ends, so keep such transactions short; use READ
     * COMMITTED (PostgreSQL's default) or be ready to retry serialisation failures.
     */
    public AuditEvent append(Handle handle, AuditEntry entry) {
        Objects.requireNonNull(handle, "handle");
        return handle.isInTransaction() ? appendLocked(handle, entry) : handle.inTransaction(h -> appendLocked(h, entry));
    }

    private AuditEvent appendLocked(Handle handle, AuditEntry entry) {
        String workspace = entry.workspace();
        ChainHead head = repository.lockHead(handle, sealer.seal(workspace, 0, EventHasher.genesis()));
        if (!sealer.isAuthentic(head)) {
            throw new AuditIntegrityException("audit chain head of workspace " + workspace
                    + " has been tampered with; refusing to append. Run verify() to locate the damage.");
        }
        long seq = head.lastSeq() + 1;
        // Read under the lock so times follow seq order; truncated to what timestamptz stores,
        // so the hash covers exactly the stored value.
        Instant time = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] hash = EventHasher.hash(head.lastHash(), seq, workspace, time,
                entry.actor(), entry.action(), entry.target(), entry.detail());
        AuditEvent event = new AuditEvent(workspace, seq, time, entry.actor(), entry.action(), entry.target(),
                entry.detail(), head.lastHash(), hash);
        repository.insert(handle, event);
        repository.updateHead(handle, sealer.seal(workspace, seq, hash));
        return event;
    }

    /** One page of a workspace's events matching the query, in seq order. */
    public AuditPage query(AuditQuery query) {
        long afterSeq = PageCursor.decode(query.cursor());
        // One extra row tells whether another page follows.
        List<AuditEvent> rows = jdbi.withHandle(handle -> repository.find(handle, query, afterSeq, query.limit() + 1));
        if (rows.size() <= query.limit()) {
            return new AuditPage(rows, Optional.empty());
        }
        List<AuditEvent> page = rows.subList(0, query.limit());
        return new AuditPage(page, Optional.of(PageCursor.encode(page.get(page.size() - 1).seq())));
    }

    /**
     * Checks a workspace's whole chain: every event against its hash and predecessor, and the end of
     * the chain against the sealed head. Reads one consistent snapshot, so concurrent appends do
     * not cause false alarms. An unknown or empty workspace verifies clean.
     */
    public VerificationResult verify(String workspace) {
        Objects.requireNonNull(workspace, "workspace");
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            Optional<ChainHead> head = repository.findHead(handle, workspace);
            return repository.walkChain(handle, workspace, events -> verifier.verify(workspace, head, events));
        });
    }
}
