package io.tributary.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureSchemeTest {

    @Test
    void namesEachSchemeAndDefaultsToStandard() {
        assertThat(SignatureScheme.named(null)).isInstanceOf(StandardScheme.class);
        assertThat(SignatureScheme.named(" ")).isInstanceOf(StandardScheme.class);
        assertThat(SignatureScheme.named("standard")).isInstanceOf(StandardScheme.class);
        assertThat(SignatureScheme.named("Stripe")).isInstanceOf(StripeScheme.class);
        assertThat(SignatureScheme.named("github")).isInstanceOf(GithubScheme.class);
        assertThat(SignatureScheme.names()).containsExactly("standard", "stripe", "github");
        assertThatThrownBy(() -> SignatureScheme.named("svix")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAToleranceThatIsNotWholeNonNegativeSeconds() {
        assertThatThrownBy(() -> new Tolerance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tolerance(Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Tolerance.DEFAULT.window()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void comparesEveryPairWithoutStoppingAtTheFirstMatch() {
        // Code review note: Hmac.anyMatches compares with MessageDigest.isEqual (constant time for
        // equal lengths) and ORs every key/signature pair without an early exit. Timing is not
        // tested; this checks that a match in the last pair is found among non-matching ones.
        byte[] payload = "p".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] last = TestSigning.hmac("k3".getBytes(java.nio.charset.StandardCharsets.UTF_8), "p");
        List<byte[]> keys = List.of("k1".getBytes(), "k2".getBytes(), "k3".getBytes());
        assertThat(Hmac.anyMatches(keys, payload, List.of(new byte[32], new byte[31], last))).isTrue();
        assertThat(Hmac.anyMatches(keys, payload, List.of(new byte[32], new byte[0]))).isFalse();
    }
}
