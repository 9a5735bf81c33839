package io.tributary.connector.host;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.ParameterType;
import io.tributary.connector.spi.QueryParameters;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.ValidationProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates raw JSON parameters against a {@link QueryType}'s schema: the host runs this before
 * any connector code, so a connector only ever sees {@link QueryParameters} that fit its schema.
 */
public final class ParameterValidator {

    /** Unix seconds beyond this (year 9999) are refused as timestamps. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private ParameterValidator() {
    }

    /**
     * Prepares a query the way the host does, before any credential is read or any request is
     * sent: finds the query type, validates the parameters against its schema, then lets the
     * connector check what the schema cannot say ({@link Connector#checkParameters}).
     *
     * @param connector the connector
     * @param queryTypeId the query type's id
     * @param parameters the raw parameters object; null or JSON null means none
     * @return a request ready for {@link io.tributary.connector.spi.Connector#runQuery}
     * @throws ConnectorException {@link ErrorKind#INVALID_PARAMETERS} naming the field, for an
     *     unknown query type ({@code type}) or the first bad parameter
     */
    public static QueryRequest prepare(InstalledConnector connector, String queryTypeId, JsonNode parameters) {
        QueryType queryType = connector.descriptor().queryType(queryTypeId).orElseThrow(() -> new ConnectorException(
                StandardErrorCode.UNKNOWN_QUERY_TYPE,
                "'" + queryTypeId + "' is not a query type of " + connector.descriptor().displayName(),
                "type", null, null, null));
        QueryRequest request = new QueryRequest(queryType, validate(queryType, parameters));
        connector.connector().checkParameters(request);
        return request;
    }

    /**
     * Validates parameters and fills in defaults.
     *
     * @param queryType the query type
     * @param parameters the raw parameters object; null or JSON null means none
     * @return the validated parameters
     * @throws ConnectorException {@link StandardErrorCode#INVALID_PARAMETER} for the first
     *     problem, naming its field
     */
    public static QueryParameters validate(QueryType queryType, JsonNode parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<ValidationProblem> problems = collect(queryType, parameters, values);
        if (!problems.isEmpty()) {
            throw problems.get(0).toException();
        }
        return QueryParameters.of(queryType, values);
    }

    /**
     * Every problem with the parameters, for forms that show them all.
     *
     * @param queryType the query type
     * @param parameters the raw parameters object; null or JSON null means none
     * @return the problems, empty when the parameters are valid
     */
    public static List<ValidationProblem> problems(QueryType queryType, JsonNode parameters) {
        return collect(queryType, parameters, new LinkedHashMap<>());
    }

    private static List<ValidationProblem> collect(QueryType queryType, JsonNode parameters, Map<String, Object> values) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            problems.add(new ValidationProblem("params", "wrong_type", "Parameters must be a JSON object"));
            return problems;
        }
        if (parameters != null && parameters.isObject()) {
            for (Iterator<String> names = parameters.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (queryType.parameter(name).isEmpty()) {
                    problems.add(new ValidationProblem(name, "unknown",
                            "'" + name + "' is not a parameter of " + queryType.id()));
                }
            }
        }
        for (ParameterSpec spec : queryType.parameters()) {
            JsonNode raw = parameters == null ? null : parameters.get(spec.name());
            if (raw == null || raw.isNull()) {
                if (spec.required()) {
                    problems.add(new ValidationProblem(spec.name(), "required", "'" + spec.name() + "' is required"));
                } else if (spec.defaultValue() != null) {
                    values.put(spec.name(), spec.defaultValue());
                }
                continue;
            }
            Object value = convert(raw, spec.type());
            if (value == null) {
                problems.add(new ValidationProblem(spec.name(), "wrong_type",
                        "'" + spec.name() + "' must be " + spec.type().described()));
                continue;
            }
            java.util.Optional<ValidationProblem> problem = spec.problemWith(value);
            if (problem.isPresent()) {
                problems.add(problem.get());
                continue;
            }
            values.put(spec.name(), value);
        }
        return problems;
    }

    private static Object convert(JsonNode raw, ParameterType type) {
        return switch (type) {
            case STRING -> raw.isTextual() ? raw.textValue() : null;
            case INTEGER -> raw.isIntegralNumber() && raw.canConvertToLong() ? Long.valueOf(raw.longValue()) : null;
            case NUMBER -> raw.isNumber() ? raw.decimalValue() : null;
            case BOOLEAN -> raw.isBoolean() ? Boolean.valueOf(raw.booleanValue()) : null;
            case TIMESTAMP -> timestamp(raw);
            case OBJECT -> raw.isObject() ? raw.deepCopy() : null;
        };
    }

    private static Instant timestamp(JsonNode raw) {
        if (raw.isIntegralNumber() && raw.canConvertToLong()) {
            long seconds = raw.longValue();
            return seconds >= 0 && seconds <= MAX_EPOCH_SECOND ? Instant.ofEpochSecond(seconds) : null;
        }
        if (raw.isTextual()) {
            try {
                return OffsetDateTime.parse(raw.textValue()).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

}
