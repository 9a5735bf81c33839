package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @Test
    void roundTrips() {
        assertThat(PageCursor.decode(PageCursor.encode(0))).isZero();
        assertThat(PageCursor.decode(PageCursor.encode(42))).isEqualTo(42);
        assertThat(PageCursor.decode(PageCursor.encode(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void nullMeansFirstPage() {
        assertThat(PageCursor.decode(null)).isZero();
    }

    @Test
    void isOpaque() {
        assertThat(PageCursor.encode(42)).doesNotContain("42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42", "!!!", "djE6", "djE6LTE", "djI6NDI"}) // "", "v1:", "v1:-1", "v2:42"
    void rejectsAnythingElse(String cursor) {
        assertThatThrownBy(() -> PageCursor.decode(cursor)).isInstanceOf(IllegalArgumentException.class);
    }
}
