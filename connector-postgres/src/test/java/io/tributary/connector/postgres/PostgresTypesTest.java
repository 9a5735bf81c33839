package io.tributary.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.FieldType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each PostgreSQL type's SPI field type and JSON value, read from a real table. */
class PostgresTypesTest extends EmbeddedPostgresTest {

    private final GuardedQuery guard = new GuardedQuery(QueryLimits.defaults(), MAPPER);

    @Test
    void eachColumnTypeMapsToAnSpiFieldType() throws SQLException {
        try (Connection reader = reader()) {
            SqlResult result = guard.run(reader, "SELECT * FROM types ORDER BY i2 NULLS LAST", Map.of());
            Map<String, FieldType> types = new LinkedHashMap<>();
            result.columns().forEach(column -> types.put(column.name() + ":" + column.databaseType(), column.type()));
            assertThat(types).containsExactly(
                    Map.entry("i2:int2", FieldType.INTEGER), Map.entry("i4:int4", FieldType.INTEGER),
                    Map.entry("i8:int8", FieldType.INTEGER), Map.entry("num:numeric", FieldType.NUMBER),
                    Map.entry("f8:float8", FieldType.NUMBER), Map.entry("b:bool", FieldType.BOOLEAN),
                    Map.entry("t:text", FieldType.STRING), Map.entry("vc:varchar", FieldType.STRING),
                    Map.entry("u:uuid", FieldType.STRING), Map.entry("tstz:timestamptz", FieldType.TIMESTAMP),
                    Map.entry("ts:timestamp", FieldType.TIMESTAMP), Map.entry("d:date", FieldType.STRING),
                    Map.entry("j:json", FieldType.ANY), Map.entry("jb:jsonb", FieldType.ANY),
                    Map.entry("arr:_int4", FieldType.ARRAY), Map.entry("tarr:_text", FieldType.ARRAY),
                    Map.entry("m:money", FieldType.NUMBER));
        }
    }

    @Test
    void valuesAreReadWithoutLosingPrecision() throws SQLException {
        try (Connection reader = reader()) {
            ObjectNode row = guard.run(reader, "SELECT * FROM types ORDER BY i2 NULLS LAST", Map.of()).rows().get(0);
            assertThat(row.get("i2").isIntegralNumber()).isTrue();
            assertThat(row.get("i8").asLong()).isEqualTo(9007199254740993L);
            assertThat(row.get("num").isBigDecimal()).isTrue();
            assertThat(row.get("num").decimalValue()).isEqualByComparingTo("123456789012345678901234567890.0123456789");
            assertThat(row.get("f8").doubleValue()).isEqualTo(1.5);
            assertThat(row.get("b").asBoolean()).isTrue();
            assertThat(row.get("vc").asText()).isEqualTo("vc");
            assertThat(row.get("u").asText()).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            assertThat(row.get("tstz").asLong()).isEqualTo(Instant.parse("2024-01-31T10:00:00Z").getEpochSecond());
            // A timestamp without time zone is read as UTC
            assertThat(row.get("ts").asLong()).isEqualTo(Instant.parse("2024-01-31T12:00:00Z").getEpochSecond());
            assertThat(row.get("d").asText()).isEqualTo("2024-01-31");
            assertThat(row.get("j").toString()).isEqualTo("{\"a\":1}");
            assertThat(row.get("jb").toString()).isEqualTo("{\"b\":[1,2]}");
            assertThat(row.get("arr").toString()).isEqualTo("[1,2,3]");
            assertThat(row.get("tarr").toString()).isEqualTo("[\"x\",\"y\"]");
            assertThat(row.get("m").decimalValue()).isEqualByComparingTo("-1234.56");
        }
    }

    @Test
    void nullsAreJsonNulls() throws SQLException {
        try (Connection reader = reader()) {
            ObjectNode row = guard.run(reader, "SELECT * FROM types WHERE i2 IS NULL", Map.of()).rows().get(0);
            assertThat(row.size()).isEqualTo(17);
            row.fields().forEachRemaining(field -> assertThat(field.getValue().isNull()).as(field.getKey()).isTrue());
        }
    }

    @Test
    void moneyIsReadWithoutItsSymbolOrSeparators() {
        assertThat(PostgresTypes.moneyDigits("$1,234.50")).isEqualTo("1234.50");
        assertThat(PostgresTypes.moneyDigits("-$1,234.50")).isEqualTo("-1234.50");
        assertThat(PostgresTypes.moneyDigits("($0.01)")).isEqualTo("-0.01");
    }
}
