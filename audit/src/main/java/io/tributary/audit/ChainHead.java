package io.tributary.audit;

/**
 * The sealed end of one workspace's chain, as stored in {@code audit_chain_head}.
 *
 * @param workspace the workspace
 * @param lastSeq seq of the newest event, 0 before the first
 * @param lastHash hash of the newest event, the genesis hash before the first
 * @param keyId the seal key that computed {@code mac}
 * @param mac HMAC over the three fields above, see {@link HeadSealer}
 */
record ChainHead(String workspace, long lastSeq, byte[] lastHash, String keyId, byte[] mac) {}
