package io.tributary.connector.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ContextClassLoaderTest {

    private final ClassLoader other = new URLClassLoader(new URL[0], null);

    @Test
    void theActionRunsWithTheLoaderAndThePreviousOneIsRestored() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        ClassLoader during = ContextClassLoader.call(other, () -> Thread.currentThread().getContextClassLoader());

        assertThat(during).isSameAs(other);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void thePreviousLoaderIsRestoredWhenTheActionThrows() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        assertThatThrownBy(() -> ContextClassLoader.run(other, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }
}
