package io.tributary.connector.postgres;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The bounds one guarded query runs under.
 *
 * @param statementTimeout how long the statement may run; capped by {@code maxStatementTimeout}
 * @param maxStatementTimeout the operator's ceiling for any statement timeout
 * @param lockTimeout how long it may wait for a lock
 * @param rowCap the most rows returned, 0 to {@value #MAX_ROW_CAP} (0: columns only)
 * @param onRowCap what to do with more rows than the cap
 * @param byteCap the most bytes of result, estimated as the rows' JSON
 * @param onByteCap what to do with a larger result
 * @param schemas the search path, each an identifier (quoted when sent)
 */
public record QueryLimits(Duration statementTimeout, Duration maxStatementTimeout, Duration lockTimeout,
                          int rowCap, CapMode onRowCap, long byteCap, CapMode onByteCap, List<String> schemas) {

    /** The most rows any query may return. */
    public static final int MAX_ROW_CAP = 10_000;
    /** The default row cap. */
    public static final int DEFAULT_ROW_CAP = 1_000;
    /** The default statement timeout. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);
    /** The default ceiling for statement timeouts. */
    public static final Duration DEFAULT_MAX_STATEMENT_TIMEOUT = Duration.ofSeconds(60);
    /** The default byte cap: 5 MiB of JSON. */
    public static final long DEFAULT_BYTE_CAP = 5L * 1024 * 1024;

    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    /** What to do when a result passes a cap. */
    public enum CapMode {
        /** Return the rows up to the cap, marked truncated, with a notice. */
        TRUNCATE,
        /** Fail with {@code postgres.row_cap} or {@code postgres.byte_cap}. */
        REFUSE
    }

    /** Checks the inputs and caps the statement timeout. */
    public QueryLimits {
        positive(statementTimeout, "statementTimeout");
        positive(maxStatementTimeout, "maxStatementTimeout");
        positive(lockTimeout, "lockTimeout");
        if (statementTimeout.compareTo(maxStatementTimeout) > 0) {
            statementTimeout = maxStatementTimeout;
        }
        if (rowCap < 0 || rowCap > MAX_ROW_CAP) {
            throw new IllegalArgumentException("rowCap must be 0 to " + MAX_ROW_CAP + ": " + rowCap);
        }
        if (byteCap <= 0) {
            throw new IllegalArgumentException("byteCap must be positive: " + byteCap);
        }
        Objects.requireNonNull(onRowCap, "onRowCap");
        Objects.requireNonNull(onByteCap, "onByteCap");
        schemas = List.copyOf(schemas);
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("At least one schema is needed for the search path");
        }
        for (String schema : schemas) {
            if (!SCHEMA.matcher(schema).matches()) {
                throw new IllegalArgumentException("Not a schema name: '" + schema + "'");
            }
        }
    }

    /** @return 10 s (at most 60 s), 2 s for locks, 1,000 rows and 5 MiB truncating, the schema {@code public} */
    public static QueryLimits defaults() {
        return new QueryLimits(DEFAULT_STATEMENT_TIMEOUT, DEFAULT_MAX_STATEMENT_TIMEOUT, Duration.ofSeconds(2),
                DEFAULT_ROW_CAP, CapMode.TRUNCATE, DEFAULT_BYTE_CAP, CapMode.TRUNCATE, List.of("public"));
    }

    /** @return these limits with another statement timeout (still capped by the maximum) */
    public QueryLimits withStatementTimeout(Duration timeout) {
        return new QueryLimits(timeout, maxStatementTimeout, lockTimeout, rowCap, onRowCap, byteCap, onByteCap, schemas);
    }

    /** @return these limits with another row cap and what to do past it */
    public QueryLimits withRowCap(int cap, CapMode mode) {
        return new QueryLimits(statementTimeout, maxStatementTimeout, lockTimeout, cap, mode, byteCap, onByteCap, schemas);
    }

    /** @return these limits with another byte cap and what to do past it */
    public QueryLimits withByteCap(long cap, CapMode mode) {
        return new QueryLimits(statementTimeout, maxStatementTimeout, lockTimeout, rowCap, onRowCap, cap, mode, schemas);
    }

    /** @return these limits with another search path */
    public QueryLimits withSchemas(List<String> path) {
        return new QueryLimits(statementTimeout, maxStatementTimeout, lockTimeout, rowCap, onRowCap, byteCap, onByteCap, path);
    }

    /** The search path as PostgreSQL reads it, each schema a quoted identifier. */
    String searchPath() {
        return String.join(", ", schemas.stream().map(schema -> "\"" + schema.replace("\"", "\"\"") + "\"").toList());
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
