package io.tributary.audit;

import io.tributary.audit.VerificationResult.Problem;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.Optional;

/**
 * Checks one workspace's events against each other and against the sealed head, stopping at the
 * first problem. Pure logic: the caller supplies the head, where to start (the genesis, or the end
 * of a prefix verified before) and the events after it in seq order.
 */
final class ChainVerifier {

    private final HeadSealer sealer;

    ChainVerifier(HeadSealer sealer) {
        this.sealer = sealer;
    }

    /** Where a verification starts: after {@code seq}, whose hash is {@code hash}. */
    record Start(long seq, byte[] hash) {
        static Start genesis() {
            return new Start(0, EventHasher.genesis());
        }
    }

    VerificationResult verify(String workspace, Optional<ChainHead> maybeHead, Iterator<AuditEvent> events) {
        return verify(workspace, maybeHead, Start.genesis(), events);
    }

    VerificationResult verify(String workspace, Optional<ChainHead> maybeHead, Start start, Iterator<AuditEvent> events) {
        if (maybeHead.isEmpty()) {
            return events.hasNext()
                    ? VerificationResult.failed(workspace, 0, 1, Problem.HEAD_MISSING, "events exist but the chain head is gone")
                    : VerificationResult.valid(workspace, 0);
        }
        ChainHead head = maybeHead.get();
        if (!sealer.isAuthentic(head)) {
            return VerificationResult.failed(workspace, 0, 1, Problem.HEAD_SEAL_INVALID,
                    "the chain head (last seq " + head.lastSeq() + ") does not carry a valid MAC");
        }

        long expectedSeq = start.seq() + 1;
        byte[] expectedPrevHash = start.hash();
        long read = 0;
        while (events.hasNext()) {
            AuditEvent event = events.next();
            read++;
            long checked = expectedSeq - 1;
            if (event.seq() != expectedSeq && expectedSeq <= head.lastSeq()) {
                return read(read, VerificationResult.failed(workspace, checked, expectedSeq, Problem.ROW_MISSING,
                        "seq " + expectedSeq + " is missing; the next event is seq " + event.seq()));
            }
            if (event.seq() > head.lastSeq()) {
                return read(read, VerificationResult.failed(workspace, checked, event.seq(), Problem.ROW_NOT_SEALED,
                        "seq " + event.seq() + " lies beyond the sealed head (last seq " + head.lastSeq() + ")"));
            }
            if (!MessageDigest.isEqual(event.prevHash(), expectedPrevHash)) {
                return read(read, VerificationResult.failed(workspace, checked, event.seq(), Problem.LINK_BROKEN,
                        "seq " + event.seq() + " does not link to the hash of the event before it"));
            }
            if (!MessageDigest.isEqual(EventHasher.hashOf(event), event.hash())) {
                return read(read, VerificationResult.failed(workspace, checked, event.seq(), Problem.HASH_MISMATCH,
                        "the fields of seq " + event.seq() + " do not match its hash"));
            }
            expectedPrevHash = event.hash();
            expectedSeq++;
        }

        long lastSeq = expectedSeq - 1;
        if (lastSeq < head.lastSeq()) {
            return read(read, VerificationResult.failed(workspace, lastSeq, expectedSeq, Problem.TAIL_MISSING,
                    "the chain ends at seq " + lastSeq + " but the sealed head says " + head.lastSeq()));
        }
        if (!MessageDigest.isEqual(expectedPrevHash, head.lastHash())) {
            return read(read, VerificationResult.failed(workspace, lastSeq, 1, Problem.HEAD_MISMATCH,
                    "the chain is self-consistent but does not end in the sealed hash: it was recomputed"));
        }
        return read(read, VerificationResult.valid(workspace, lastSeq));
    }

    private static VerificationResult read(long rows, VerificationResult result) {
        return result.withRowsRead(rows);
    }
}
