package io.tributary.server.health;

import com.codahale.metrics.health.HealthCheck;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.WrappedDataKey;

/**
 * Healthy when the master key wraps a fresh data key and unwraps it again (a rewrap), which
 * decrypts no secret and so writes nothing to the audit log.
 */
public final class MasterKeyHealthCheck extends HealthCheck {

    private static final String PROBE_WORKSPACE = "_health";

    private final EnvelopeEncryption encryption;

    public MasterKeyHealthCheck(EnvelopeEncryption encryption) {
        this.encryption = encryption;
    }

    @Override
    protected Result check() {
        WrappedDataKey dataKey = encryption.newDataKey(PROBE_WORKSPACE);
        WrappedDataKey rewrapped = encryption.rewrap(PROBE_WORKSPACE, dataKey);
        return rewrapped.dataKeyId().equals(dataKey.dataKeyId()) ? Result.healthy()
                : Result.unhealthy("the master key did not rewrap a data key");
    }
}
