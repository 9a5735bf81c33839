package io.tributary.connector.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tributary.connector.spi.FieldType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

/**
 * How PostgreSQL types become SPI field types and JSON values.
 *
 * <ul>
 *   <li>{@code int2}, {@code int4}, {@code int8}, {@code oid} become INTEGER.</li>
 *   <li>{@code numeric} and {@code money} become NUMBER as exact decimals (no precision lost; a
 *       money value is read without its currency symbol); {@code float4}/{@code float8} too.</li>
 *   <li>{@code timestamptz} and {@code timestamp} become TIMESTAMP, unix seconds (fractions dropped).
 *       A {@code timestamp} without time zone is read as UTC.</li>
 *   <li>{@code date}, {@code time} and {@code interval} are strings as PostgreSQL writes them
 *       (ISO {@code 2024-01-31} for a date).</li>
 *   <li>{@code json}/{@code jsonb} become ANY, the parsed JSON; arrays become ARRAY of their elements.</li>
 *   <li>Everything else ({@code text}, {@code varchar}, {@code uuid}, enums...) is a STRING.</li>
 * </ul>
 */
final class PostgresTypes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8", "oid");
    private static final Set<String> DECIMALS = Set.of("numeric", "money", "float4", "float8");

    private final ObjectMapper mapper;

    PostgresTypes(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static FieldType fieldType(String databaseType) {
        String type = databaseType.toLowerCase(Locale.ROOT);
        if (type.startsWith("_")) {
            return FieldType.ARRAY;
        }
        if (INTEGERS.contains(type)) {
            return FieldType.INTEGER;
        }
        if (DECIMALS.contains(type)) {
            return FieldType.NUMBER;
        }
        return switch (type) {
            case "bool" -> FieldType.BOOLEAN;
            case "timestamptz", "timestamp" -> FieldType.TIMESTAMP;
            case "json", "jsonb" -> FieldType.ANY;
            default -> FieldType.STRING;
        };
    }

    /** The column's value in the current row, as JSON. */
    JsonNode read(ResultSet rows, int index, ResultColumn column) throws SQLException {
        String type = column.databaseType().toLowerCase(Locale.ROOT);
        if (rows.getString(index) == null) { // getObject would parse money as a double
            return NODES.nullNode();
        }
        if (type.startsWith("_")) {
            Array array = rows.getArray(index);
            try {
                return arrayNode((Object[]) array.getArray(), type.equals("_timestamp"));
            } finally {
                array.free();
            }
        }
        return switch (column.type()) {
            case INTEGER -> NODES.numberNode(rows.getLong(index));
            case NUMBER -> decimal(rows, index, type);
            case BOOLEAN -> NODES.booleanNode(rows.getBoolean(index));
            case TIMESTAMP -> NODES.numberNode(type.equals("timestamptz")
                    ? rows.getObject(index, OffsetDateTime.class).toEpochSecond()
                    : rows.getObject(index, LocalDateTime.class).toEpochSecond(ZoneOffset.UTC));
            case ANY -> json(rows.getString(index));
            default -> NODES.textNode(rows.getString(index));
        };
    }

    private static JsonNode decimal(ResultSet rows, int index, String type) throws SQLException {
        if (type.startsWith("float")) {
            double value = rows.getDouble(index);
            // NaN and infinities have no JSON number: kept as PostgreSQL writes them
            return Double.isFinite(value) ? NODES.numberNode(BigDecimal.valueOf(value)) : NODES.textNode(rows.getString(index));
        }
        String text = rows.getString(index);
        if (type.equals("money")) {
            text = moneyDigits(text);
        }
        try {
            return NODES.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return NODES.textNode(text); // numeric 'NaN' and infinities
        }
    }

    /** money is written in the server's lc_monetary, such as {@code -$1,234.50} or {@code ($1,234.50)}. */
    static String moneyDigits(String text) {
        boolean negative = text.contains("-") || text.startsWith("(");
        StringBuilder digits = new StringBuilder(negative ? "-" : "");
        for (char c : text.toCharArray()) {
            if (Character.isDigit(c) || c == '.') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private JsonNode json(String text) throws SQLException {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("PostgreSQL returned JSON that does not parse", e);
        }
    }

    private ArrayNode arrayNode(Object[] elements, boolean withoutZone) {
        ArrayNode array = NODES.arrayNode(elements.length);
        for (Object element : elements) {
            array.add(element instanceof Object[] nested ? arrayNode(nested, withoutZone) : mapper.valueToTree(scalar(element, withoutZone)));
        }
        return array;
    }

    /** Array elements as JSON-friendly values: instants as unix seconds, as in scalar columns. */
    private static Object scalar(Object element, boolean withoutZone) {
        if (element instanceof java.sql.Timestamp timestamp) {
            // The driver builds a timestamp without zone in the JVM's zone: read its fields as UTC instead
            return withoutZone ? timestamp.toLocalDateTime().toEpochSecond(ZoneOffset.UTC) : timestamp.toInstant().getEpochSecond();
        }
        if (element instanceof java.util.Date || element instanceof java.util.UUID) {
            return element.toString();
        }
        if (element instanceof org.postgresql.util.PGobject object) {
            return object.getValue();
        }
        return element;
    }
}
