package io.tributary.audit;

import java.util.Optional;

/**
 * Outcome of verifying one workspace's chain: valid, or the first bad seq and why.
 *
 * @param workspace the workspace verified
 * @param rowsChecked events known good before the first problem (all of them when valid), read
 *     now or verified before
 * @param failure the first problem found, empty when the chain is intact
 * @param rowsRead events this verification read: only those after the prefix verified before,
 *     unless it had to read the whole chain
 */
public record VerificationResult(String workspace, long rowsChecked, Optional<Failure> failure, long rowsRead) {

    public VerificationResult(String workspace, long rowsChecked, Optional<Failure> failure) {
        this(workspace, rowsChecked, failure, rowsChecked);
    }

    /** Why a chain failed verification. */
    public enum Problem {
        /** Events exist but the workspace has no chain head (the head row was removed). Reported at seq 1. */
        HEAD_MISSING,
        /**
         * The head's MAC does not match it: the head was edited, typically after deleting the tail or
         * recomputing the chain. Without a trustworthy head no event can be trusted, so reported at seq 1.
         */
        HEAD_SEAL_INVALID,
        /** An event below the head's last seq is absent (a row was deleted). Reported at the missing seq. */
        ROW_MISSING,
        /** An event's prev_hash is not the hash of the event before it (rows swapped, reordered or inserted). */
        LINK_BROKEN,
        /** An event's fields no longer match its hash (a field was edited). */
        HASH_MISMATCH,
        /** An event lies beyond the sealed head, so it was not written by this module (a forged row). */
        ROW_NOT_SEALED,
        /** The chain ends before the head's last seq (the tail was deleted). Reported at the first missing seq. */
        TAIL_MISSING,
        /**
         * Every event matches its hash and link, but the last hash is not the sealed one: the chain
         * was recomputed. Which event was changed cannot be known, so reported at seq 1.
         */
        HEAD_MISMATCH,
        /**
         * The chain ends before a head written to the anchor file outside the database, or no
         * longer holds the anchored hash at its seq: it was rolled back to an older head (a saved
         * head row restored after removing the rows since) or rewritten. Reported at the anchored seq.
         */
        ROLLED_BACK,
        /** The anchor file knows this chain, but the database holds neither its rows nor its head. */
        CHAIN_MISSING,
        /** The newest anchor of this chain does not carry a valid MAC: the anchor file was edited. */
        ANCHOR_SEAL_INVALID
    }

    /**
     * The first problem of a chain.
     *
     * @param seq the first seq that cannot be trusted
     * @param problem what is wrong
     * @param message a human-readable explanation
     */
    public record Failure(long seq, Problem problem, String message) {}

    /** Whether the chain verified clean. */
    public boolean isValid() {
        return failure.isEmpty();
    }

    VerificationResult withRowsRead(long read) {
        return new VerificationResult(workspace, rowsChecked, failure, read);
    }

    static VerificationResult valid(String workspace, long rowsChecked) {
        return new VerificationResult(workspace, rowsChecked, Optional.empty());
    }

    static VerificationResult failed(String workspace, long rowsChecked, long seq, Problem problem, String message) {
        return new VerificationResult(workspace, rowsChecked, Optional.of(new Failure(seq, problem, message)));
    }
}
