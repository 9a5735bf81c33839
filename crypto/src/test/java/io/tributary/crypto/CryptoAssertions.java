package io.tributary.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared assertions: a failure must be a {@link CryptoException} with a specific code, never plaintext. */
final class CryptoAssertions {

    /** The secret most tests encrypt; no exception message may ever contain it. */
    static final String SECRET = "sk_live_51HxTributaryTestSecretValue";

    private CryptoAssertions() {
    }

    static void assertFailsWith(CryptoErrorCode expected, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CryptoException.class, e -> {
            assertThat(e.code()).isEqualTo(expected);
            assertThat(e.getMessage()).doesNotContain(SECRET);
        });
    }

    static CryptoException assertFailsWithOneOf(ThrowingCallable call, CryptoErrorCode... allowed) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(CryptoException.class);
        CryptoException e = (CryptoException) thrown;
        assertThat(e.code()).isIn((Object[]) allowed);
        assertThat(e.getMessage()).doesNotContain(SECRET);
        return e;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
