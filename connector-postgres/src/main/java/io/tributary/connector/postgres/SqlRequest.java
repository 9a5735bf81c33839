package io.tributary.connector.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.QueryParameters;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code postgres.sql} request, read from its parameters: the statement, checked offline, the
 * values it binds and the limits it runs under.
 *
 * @param statement the checked statement
 * @param sql the user's text
 * @param values a value per {@code :name} (String, Long, BigDecimal, Boolean or null)
 * @param limits the operator's limits, narrowed by the request's {@code limit}, {@code on_cap} and {@code timeout_seconds}
 */
record SqlRequest(GuardedSql statement, String sql, Map<String, Object> values, QueryLimits limits) {

    static final String SQL = "sql";
    static final String PARAMS = "params";
    static final String LIMIT = "limit";
    static final String ON_CAP = "on_cap";
    static final String TIMEOUT = "timeout_seconds";

    SqlRequest {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(sql, "sql");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Reads and checks a request without any I/O.
     *
     * @param parameters parameters that satisfy the query type's schema
     * @param base the operator's limits
     * @throws ConnectorException {@code postgres.*} refusals of the SQL or its values, naming the field
     */
    static SqlRequest of(QueryParameters parameters, QueryLimits base) {
        String sql = parameters.string(SQL).orElse(null);
        GuardedSql statement = GuardedSql.parse(sql);
        Map<String, Object> values = values(parameters.object(PARAMS).orElse(null));
        ParameterBinder.check(statement, values);
        QueryLimits.CapMode mode = parameters.string(ON_CAP).orElse("truncate").equals("refuse")
                ? QueryLimits.CapMode.REFUSE : QueryLimits.CapMode.TRUNCATE;
        int rowCap = (int) Math.min(parameters.integer(LIMIT).orElse((long) QueryLimits.DEFAULT_ROW_CAP), base.rowCap());
        QueryLimits limits = base.withRowCap(rowCap, mode).withByteCap(base.byteCap(), mode);
        if (parameters.integer(TIMEOUT).isPresent()) {
            limits = limits.withStatementTimeout(Duration.ofSeconds(parameters.integer(TIMEOUT).get()));
        }
        return new SqlRequest(statement, sql, values, limits);
    }

    /** JSON values as the binder takes them; arrays and objects have no single SQL value. */
    private static Map<String, Object> values(ObjectNode params) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (params == null) {
            return values;
        }
        params.fields().forEachRemaining(entry -> values.put(entry.getKey(), value(entry.getKey(), entry.getValue())));
        return values;
    }

    private static Object value(String name, JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        throw new ConnectorException(PostgresErrorCodes.PARAMETER_TYPE, "Parameter '" + name + "' is a JSON "
                + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + "; give text, a number, a boolean or null", name, null, null, null);
    }
}
