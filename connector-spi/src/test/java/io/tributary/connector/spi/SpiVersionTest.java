package io.tributary.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpiVersionTest {

    @ParameterizedTest(name = "built for {0}: compatible={1}")
    @CsvSource({
            "2.0, true",
            "' 2.0 ', true",
            "2.1, true",
            "2.2, true",
            "2.3, false",
            "1.1, false",
            "1.0, false",
            "3.0, false",
            "2, false",
            "2.0.0, false",
            "two.zero, false",
            "'', false"
    })
    void acceptsTheSameMajorAndAnOlderOrEqualMinor(String builtFor, boolean compatible) {
        assertThat(SpiVersion.isCompatible(builtFor)).isEqualTo(compatible);
    }

    @ParameterizedTest(name = "null")
    @CsvSource(value = "NULL", nullValues = "NULL")
    void refusesNull(String builtFor) {
        assertThat(SpiVersion.isCompatible(builtFor)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void currentIsMajorDotMinor() {
        assertThat(SpiVersion.CURRENT).isEqualTo(SpiVersion.MAJOR + "." + SpiVersion.MINOR).isEqualTo("2.2");
    }
}
