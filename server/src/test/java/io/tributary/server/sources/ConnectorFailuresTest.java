package io.tributary.server.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorCode;
import io.tributary.connector.spi.ErrorKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectorFailuresTest {

    private static ConnectorException failure(ErrorKind kind, Duration retryAfter) {
        return new ConnectorException(new ErrorCode("custom_" + kind.name().toLowerCase(java.util.Locale.ROOT), kind), "failed",
                null, null, retryAfter, null);
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void aFailureStopsTheSourceExactlyWhenItsKindsScopeIsTheSource(ErrorKind kind) {
        assertThat(ConnectorFailures.stopsSource(failure(kind, null)))
                .isEqualTo(kind.scope() == ErrorKind.Scope.SOURCE)
                .isEqualTo(kind == ErrorKind.CREDENTIALS_REJECTED);
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void onlyARetryableFailureSaysWhenToTryAgain(ErrorKind kind) {
        assertThat(ConnectorFailures.retryAfter(failure(kind, Duration.ofSeconds(30))).isPresent()).isEqualTo(kind.retryable());
    }

    @Test
    void aRetryableFailureWaitsAsTheConnectorSaysElseTheDefault() {
        assertThat(ConnectorFailures.retryAfter(ConnectorException.rateLimited(Duration.ofSeconds(42), "slow down")))
                .hasValue(Duration.ofSeconds(42));
        assertThat(ConnectorFailures.retryAfter(ConnectorException.transientFailure("timed out", null)))
                .hasValue(ConnectorFailures.DEFAULT_RETRY_AFTER);
        assertThat(ConnectorFailures.retryAfter(ConnectorException.credentialsRejected("revoked"))).isEmpty();
    }
}
