package io.tributary.audit;

import io.tributary.audit.VerificationResult.Problem;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
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
        this(jdbi, clock, SealKeys.single(macKey));
    }

    /**
     * @param keys the seal keys: the current one seals (an append reseals a head sealed under an
     *     older one), each verifies what it sealed
     */
    public AuditLog(Jdbi jdbi, Clock clock, SealKeys keys) {
        this(jdbi, clock, HeadSealer.of(Objects.requireNonNull(keys, "keys")));
    }

    /**
     * @param keys the seal keys to start with
     * @param reload loads the seal keys again, called (at most once a minute) when a seal names a
     *     key this log does not know, so a rotation made on another node takes effect without a restart
     */
    public AuditLog(Jdbi jdbi, Clock clock, SealKeys keys, Supplier<SealKeys> reload) {
        this(jdbi, clock, HeadSealer.reloading(Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(reload, "reload")));
    }

    private AuditLog(Jdbi jdbi, Clock clock, HeadSealer sealer) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sealer = sealer;
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
     * Checks a workspace's chain: every event after the prefix verified before (sealed in
     * {@code audit_verified}) against its hash and predecessor, and the end of the chain against the
     * sealed head; then remembers the new verified prefix. Reads one consistent snapshot, so
     * concurrent appends do not cause false alarms. An unknown or empty workspace verifies clean.
     * A prefix whose seal or last row does not hold is ignored and the whole chain read.
     */
    public VerificationResult verify(String workspace) {
        return verify(workspace, Optional.empty());
    }

    /** As {@link #verify(String)}, and against the chain's newest anchor, which catches rollbacks and removed chains. */
    public VerificationResult verify(String workspace, Optional<AnchoredHead> anchor) {
        return verify(workspace, anchor, true);
    }

    /** Reads and checks every event of the chain, whatever was verified before (an edit of an old row shows only so). */
    public VerificationResult verifyFully(String workspace, Optional<AnchoredHead> anchor) {
        return verify(workspace, anchor, false);
    }

    /** Every chain's sealed head, to anchor outside the database. */
    public List<AnchoredHead> heads() {
        Instant now = clock.instant();
        return jdbi.withHandle(handle -> repository.allHeads(handle)).stream().map(head -> AnchoredHead.of(head, now)).toList();
    }

    /** The workspaces that have a chain. */
    public List<String> workspaces() {
        return jdbi.withHandle(handle -> repository.allHeads(handle)).stream().map(ChainHead::workspace).toList();
    }

    /** The current seal key's id. */
    public String sealKeyId() {
        return sealer.currentKeyId();
    }

    private record Checked(VerificationResult result, Optional<ChainHead> head) {
    }

    private VerificationResult verify(String workspace, Optional<AnchoredHead> anchor, boolean fromVerifiedPrefix) {
        Objects.requireNonNull(workspace, "workspace");
        Checked checked = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            Optional<ChainHead> head = repository.findHead(handle, workspace);
            ChainVerifier.Start start = fromVerifiedPrefix ? verifiedStart(handle, workspace, head) : ChainVerifier.Start.genesis();
            VerificationResult result = repository.walkChain(handle, workspace, start.seq(),
                    events -> verifier.verify(workspace, head, start, events));
            if (result.isValid() && anchor.isPresent()) {
                result = checkAgainstAnchor(handle, workspace, head, anchor.get(), result);
            }
            return new Checked(result, head);
        });
        VerificationResult result = checked.result();
        if (result.isValid() && checked.head().isPresent() && checked.head().get().lastSeq() > 0) {
            ChainHead head = checked.head().get();
            VerifiedPrefix prefix = new VerifiedPrefix(workspace, head.lastSeq(), head.lastHash(), sealer.currentKeyId(),
                    sealer.sealVerified(workspace, head.lastSeq(), head.lastHash()), clock.instant().truncatedTo(ChronoUnit.MICROS));
            jdbi.useHandle(handle -> repository.saveVerified(handle, prefix));
        }
        return result;
    }

    /** Where to start: after the verified prefix if its seal holds, it lies within the chain and its last row is unchanged. */
    private ChainVerifier.Start verifiedStart(Handle handle, String workspace, Optional<ChainHead> head) {
        return repository.findVerified(handle, workspace)
                .filter(sealer::isAuthenticVerified)
                .filter(prefix -> head.isPresent() && prefix.seq() <= head.get().lastSeq())
                .filter(prefix -> repository.hashAt(handle, workspace, prefix.seq())
                        .map(hash -> MessageDigest.isEqual(hash, prefix.hash())).orElse(false))
                .map(prefix -> new ChainVerifier.Start(prefix.seq(), prefix.hash()))
                .orElse(ChainVerifier.Start.genesis());
    }

    private VerificationResult checkAgainstAnchor(Handle handle, String workspace, Optional<ChainHead> head, AnchoredHead anchor,
                                                  VerificationResult verified) {
        if (!sealer.isAuthentic(anchor.toHead())) {
            return VerificationResult.failed(workspace, verified.rowsChecked(), anchor.lastSeq(), Problem.ANCHOR_SEAL_INVALID,
                    "the newest anchor of this chain (seq " + anchor.lastSeq() + ") does not carry a valid MAC");
        }
        if (anchor.lastSeq() == 0) {
            return verified;
        }
        if (head.isEmpty()) {
            return VerificationResult.failed(workspace, 0, 1, Problem.CHAIN_MISSING,
                    "the chain was anchored at seq " + anchor.lastSeq() + " on " + anchor.anchoredAt() + " but is gone from the database");
        }
        if (head.get().lastSeq() < anchor.lastSeq()) {
            return VerificationResult.failed(workspace, verified.rowsChecked(), anchor.lastSeq(), Problem.ROLLED_BACK,
                    "the chain ends at seq " + head.get().lastSeq() + " but was anchored at seq " + anchor.lastSeq() + " on "
                            + anchor.anchoredAt() + ": it was rolled back");
        }
        boolean sameHistory = repository.hashAt(handle, workspace, anchor.lastSeq())
                .map(hash -> HexFormat.of().formatHex(hash).equals(anchor.lastHash())).orElse(false);
        if (!sameHistory) {
            return VerificationResult.failed(workspace, verified.rowsChecked(), anchor.lastSeq(), Problem.ROLLED_BACK,
                    "seq " + anchor.lastSeq() + " no longer has the hash anchored on " + anchor.anchoredAt() + ": the chain was rewritten");
        }
        return verified;
    }
}
