/**
 * Envelope encryption for workspace secrets (third-party API keys, webhook secrets), on
 * BouncyCastle's lightweight API.
 *
 * <p>Each workspace has its own AES-256 data key, stored only wrapped by the master key
 * ({@link io.tributary.crypto.WrappedDataKey}). Secrets are AES-256-GCM encrypted under the data key
 * ({@link io.tributary.crypto.EncryptedSecret}), bound to workspace, record and field. Typical use:
 *
 * <pre>{@code
 * MasterKeyRing ring = MasterKeyRing.of(MasterKey.fromBase64("mk-2025", System.getenv("TRIBUTARY_MASTER_KEY")));
 * EnvelopeEncryption envelope = new EnvelopeEncryption(ring, auditLog::onDecryption);
 *
 * WrappedDataKey dataKey = envelope.newDataKey(workspaceId);           // once per workspace; store dataKey.toText()
 * SecretContext where = new SecretContext(workspaceId, connectionId, "apiKey");
 * String stored = envelope.encryptString(where, dataKey, apiKey).toText();
 * String apiKey = envelope.decryptString(where, dataKey, EncryptedSecret.parse(stored), "system:scheduledRunner");
 * }</pre>
 *
 * <p>Master key rotation: put the new key first in the ring and the old one after it, call
 * {@link io.tributary.crypto.EnvelopeEncryption#rewrap} for every stored data key, then drop the old key.
 * Data key rotation: {@link io.tributary.crypto.EnvelopeEncryption#newDataKey} then
 * {@link io.tributary.crypto.EnvelopeEncryption#reencrypt} every secret of the workspace.
 * All failures are {@link io.tributary.crypto.CryptoException} with a {@link io.tributary.crypto.CryptoErrorCode}.
 */
package io.tributary.crypto;
