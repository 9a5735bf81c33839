package io.tributary.audit;

import java.time.Instant;

/**
 * How far a chain was last verified, as stored in {@code audit_verified}: the seq and its hash,
 * sealed so that a forged prefix is ignored rather than trusted.
 */
record VerifiedPrefix(String workspace, long seq, byte[] hash, String keyId, byte[] mac, Instant verifiedAt) {}
