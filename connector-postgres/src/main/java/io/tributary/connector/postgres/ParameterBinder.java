package io.tributary.connector.postgres;

import io.tributary.connector.spi.ConnectorException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds named values to a {@link GuardedSql}'s placeholders: always bound, never written into the
 * text, so a value is only ever a value. Strings go as untyped text (the connection's
 * {@code stringtype=unspecified}) so PostgreSQL infers their type from where they are used.
 */
final class ParameterBinder {

    private ParameterBinder() {
    }

    /**
     * Checks that the values match the statement's names exactly, before anything is sent.
     *
     * @throws ConnectorException {@code postgres.missing_parameter}, {@code postgres.unknown_parameter}
     *     or {@code postgres.parameter_type}, naming the parameter
     */
    static void check(GuardedSql sql, Map<String, ?> values) {
        for (String name : sql.parameterNames()) {
            if (!values.containsKey(name)) {
                throw new ConnectorException(PostgresErrorCodes.MISSING_PARAMETER,
                        "The SQL uses :" + name + " but no value was given for it", name, null, null, null);
            }
        }
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(sql.parameterNames());
        if (!unknown.isEmpty()) {
            String name = unknown.iterator().next();
            throw new ConnectorException(PostgresErrorCodes.UNKNOWN_PARAMETER,
                    "A value was given for '" + name + "' but the SQL has no :" + name, name, null, null, null);
        }
        values.forEach((name, value) -> {
            if (!(value == null || value instanceof String || value instanceof Long || value instanceof Integer
                    || value instanceof BigDecimal || value instanceof Boolean || value instanceof Instant)) {
                throw new ConnectorException(PostgresErrorCodes.PARAMETER_TYPE, "Parameter '" + name + "' is a "
                        + value.getClass().getSimpleName() + "; use text, an integer, a decimal, a boolean, an instant or null",
                        name, null, null, null);
            }
        });
    }

    static void bind(PreparedStatement statement, GuardedSql sql, Map<String, ?> values) throws SQLException {
        int index = 1;
        for (String name : sql.bindOrder()) {
            bindOne(statement, index++, values.get(name));
        }
    }

    private static void bindOne(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setLong(index, number);
        } else if (value instanceof BigDecimal number) {
            statement.setBigDecimal(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            throw new IllegalStateException("Unchecked parameter type " + value.getClass().getName());
        }
    }
}
