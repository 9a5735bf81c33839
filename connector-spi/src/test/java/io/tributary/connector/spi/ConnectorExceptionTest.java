package io.tributary.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectorExceptionTest {

    @Test
    void factoriesCarryTheDetailsTheHostActsOn() {
        ConnectorException rejected = ConnectorException.credentialsRejected("The key was revoked");
        assertThat(rejected.kind()).isEqualTo(ErrorKind.CREDENTIALS_REJECTED);
        assertThat(rejected.kind().scope()).isEqualTo(ErrorKind.Scope.SOURCE);
        assertThat(rejected.kind().retryable()).isFalse();

        ConnectorException permission = ConnectorException.permissionMissing("Subscriptions: Read", "Grant it");
        assertThat(permission.permission()).contains("Subscriptions: Read");
        assertThat(permission.kind().scope()).isEqualTo(ErrorKind.Scope.OPERATION);

        ConnectorException limited = ConnectorException.rateLimited(Duration.ofSeconds(2), "Slow down");
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(limited.kind().retryable()).isTrue();

        ConnectorException flaky = ConnectorException.transientFailure("502 from upstream", new RuntimeException("x"));
        assertThat(flaky.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(flaky.getCause()).hasMessage("x");

        ConnectorException invalid = ConnectorException.invalidParameter("limit", "must be at most 100");
        assertThat(invalid.field()).contains("limit");
        assertThat(invalid.errorCode().code()).isEqualTo("invalid_parameter");
        assertThat(invalid.toString()).contains("invalid_parameter/INVALID_PARAMETERS", "field=limit", "must be at most 100");
    }

    @Test
    void aConnectorCanBringItsOwnCodeWithoutNewClasses() {
        ErrorCode quota = new ErrorCode("acme.quota_exhausted", ErrorKind.RATE_LIMITED);
        ConnectorException e = new ConnectorException(quota, "Monthly quota used up", null, null, Duration.ofHours(1), null);

        assertThat(e.errorCode()).isEqualTo(quota);
        assertThat(e.kind().retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
        assertThatThrownBy(() -> new ConnectorException(quota, "x", null, null, Duration.ofSeconds(-1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void standardCodesAreUniqueAndOnlyRateLimitsAndTransientFailuresRetry() {
        Set<String> codes = new HashSet<>();
        for (StandardErrorCode code : StandardErrorCode.values()) {
            assertThat(codes.add(code.toErrorCode().code())).as("unique code %s", code).isTrue();
        }
        assertThat(Arrays.stream(ErrorKind.values()).filter(ErrorKind::retryable))
                .containsExactlyInAnyOrder(ErrorKind.RATE_LIMITED, ErrorKind.TRANSIENT);
        assertThat(Arrays.stream(ErrorKind.values()).filter(kind -> kind.scope() == ErrorKind.Scope.SOURCE))
                .containsExactly(ErrorKind.CREDENTIALS_REJECTED);
    }
}
