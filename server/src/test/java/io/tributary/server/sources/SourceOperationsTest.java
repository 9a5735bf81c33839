package io.tributary.server.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.crypto.CryptoErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SourceOperationsTest {

    @Test
    void rejectedOrUnreadableCredentialsStopTheSource() {
        assertThat(SourceOperations.stopsSource(ConnectorException.credentialsRejected("revoked"))).isTrue();
        assertThat(SourceOperations.stopsSource(new CredentialsUnreadable("ds_1", false, CryptoErrorCode.AUTHENTICATION_FAILED))).isTrue();
    }

    @Test
    void aFailureOfOneOperationLeavesTheSourceRunning() {
        assertThat(SourceOperations.stopsSource(ConnectorException.permissionMissing("rak_charge_read", "grant it"))).isFalse();
        assertThat(SourceOperations.stopsSource(ConnectorException.rateLimited(Duration.ofSeconds(1), "slow down"))).isFalse();
        assertThat(SourceOperations.stopsSource(new IllegalStateException("a defect"))).isFalse();
    }
}
