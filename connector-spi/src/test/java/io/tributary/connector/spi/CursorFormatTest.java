package io.tributary.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CursorFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest(name = "{0} reads {1} as {2}")
    @CsvSource(delimiter = '|', value = {
            "UNIX_SECONDS | 1700000000                   | 2023-11-14T22:13:20Z",
            "UNIX_SECONDS | 0                            | 1970-01-01T00:00:00Z",
            "UNIX_MILLIS  | 1700000000123                | 2023-11-14T22:13:20.123Z",
            "ISO_8601     | \"2026-01-31T09:30:00Z\"      | 2026-01-31T09:30:00Z",
            "ISO_8601     | \"2026-01-31T10:30:00+01:00\" | 2026-01-31T09:30:00Z"
    })
    void readsATimeWrittenInItsFormat(CursorFormat format, String value, String expected) {
        assertThat(format.read(json(value))).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0} does not read {1}")
    @CsvSource(delimiter = '|', value = {
            "UNIX_SECONDS | \"1700000000\"",
            "UNIX_SECONDS | \"2026-01-31T09:30:00Z\"",
            "UNIX_SECONDS | 1700000000.5",
            "UNIX_SECONDS | 99999999999999999999",
            "UNIX_SECONDS | 9223372036854775807",
            "UNIX_SECONDS | null",
            "UNIX_SECONDS | true",
            "UNIX_MILLIS  | \"1700000000123\"",
            "ISO_8601     | 1700000000",
            "ISO_8601     | \"2026-01-31T09:30:00\"",
            "ISO_8601     | \"2026-01-31\"",
            "ISO_8601     | \"yesterday\""
    })
    void readsNothingFromAValueNotInItsFormat(CursorFormat format, String value) {
        assertThat(format.read(json(value))).isEmpty();
    }

    @ParameterizedTest(name = "{0} reads nothing when the field is absent")
    @CsvSource({"UNIX_SECONDS", "UNIX_MILLIS", "ISO_8601"})
    void readsNothingFromAnAbsentField(CursorFormat format) {
        assertThat(format.read(null)).isEmpty();
        assertThat(format.read(MissingNode.getInstance())).isEmpty();
    }
}
