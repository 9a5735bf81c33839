package io.tributary.server.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /api/v1/audit-log/verify}: whether the caller's audit chain is intact, and agrees with
 * its newest anchor outside the database ({@code rolled_back}, {@code chain_missing} otherwise).
 *
 * @param valid true when every event matches its hash, its predecessor and the sealed chain head
 * @param rowsChecked events known good before the first problem (all of them when valid)
 * @param rowsRead events this check read: those after the part verified before, or all with {@code full=true}
 * @param firstBadSeq the first seq that cannot be trusted, or null when valid
 * @param problem what is wrong, as a stable lower-case code such as {@code hash_mismatch}
 *     (see {@code io.tributary.audit.VerificationResult.Problem}), or null when valid
 * @param message a human-readable explanation, or null when valid
 */
public record AuditVerification(boolean valid,
                                long rowsChecked,
                                long rowsRead,
                                @Schema(nullable = true) Long firstBadSeq,
                                @Schema(nullable = true) String problem,
                                @Schema(nullable = true) String message) {
}
