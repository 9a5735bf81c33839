package io.tributary.connector.postgres;

import io.tributary.connector.spi.ErrorCode;
import io.tributary.connector.spi.ErrorKind;

/** The connector's own stable error codes; the README's table lists what raises each. */
public final class PostgresErrorCodes {

    /** More than one statement in the SQL. */
    public static final ErrorCode MULTIPLE_STATEMENTS = invalid("postgres.multiple_statements");
    /** No statement at all (empty, or only comments). */
    public static final ErrorCode EMPTY_STATEMENT = invalid("postgres.empty_statement");
    /** A statement that would change the session or transaction (SET, BEGIN, COMMIT, set_config()...). */
    public static final ErrorCode TRANSACTION_CONTROL = invalid("postgres.transaction_control");
    /** COPY ... PROGRAM: runs a shell command on the database server. */
    public static final ErrorCode COPY_PROGRAM = invalid("postgres.copy_program");
    /** Any other COPY: it reads or writes server files or the copy stream, never a result. */
    public static final ErrorCode COPY_REFUSED = invalid("postgres.copy_refused");
    /** A {@code :name} in the SQL with no value given for it. */
    public static final ErrorCode MISSING_PARAMETER = invalid("postgres.missing_parameter");
    /** A value given for a name the SQL does not use. */
    public static final ErrorCode UNKNOWN_PARAMETER = invalid("postgres.unknown_parameter");
    /** A parameter value of a type that cannot be bound. */
    public static final ErrorCode PARAMETER_TYPE = invalid("postgres.parameter_type");
    /** Two result columns with the same name: rows are objects keyed by name. */
    public static final ErrorCode DUPLICATE_COLUMN = invalid("postgres.duplicate_column");
    /** PostgreSQL refused a write in the read-only transaction (SQLSTATE 25006). */
    public static final ErrorCode WRITE_REFUSED = invalid("postgres.write_refused");
    /** PostgreSQL could not parse the statement (SQLSTATE 42601). */
    public static final ErrorCode SYNTAX_ERROR = invalid("postgres.syntax_error");
    /** Any other error in the statement itself (unknown column, bad cast...). */
    public static final ErrorCode STATEMENT_ERROR = invalid("postgres.statement_error");
    /** More rows than the cap, and the caller chose to refuse. */
    public static final ErrorCode ROW_CAP = invalid("postgres.row_cap");
    /** A larger result than the byte cap, and the caller chose to refuse. */
    public static final ErrorCode BYTE_CAP = invalid("postgres.byte_cap");
    /** A table stream with neither a primary key nor a key named by the user: records could not be told apart. */
    public static final ErrorCode KEY_REQUIRED = invalid("postgres.key_required");
    /** A stream name that is not among the tables and views discovered for the role. */
    public static final ErrorCode UNKNOWN_STREAM = invalid("postgres.unknown_stream");
    /** A key or cursor column that the table or view does not have. */
    public static final ErrorCode UNKNOWN_COLUMN = invalid("postgres.unknown_column");
    /** A cursor column whose type cannot order increments (only timestamps, dates and integers can). */
    public static final ErrorCode CURSOR_COLUMN_TYPE = invalid("postgres.cursor_column_type");
    /** A high-water value that does not fit the cursor column's type. */
    public static final ErrorCode INVALID_HIGH_WATER = invalid("postgres.invalid_high_water");
    /** A page cursor that was not returned for this stream, key and cursor column, or was altered. */
    public static final ErrorCode INVALID_PAGE_CURSOR = invalid("postgres.invalid_page_cursor");
    /** A row whose key (or cursor column, in an incremental read) is NULL where the page ends: it cannot be resumed after. */
    public static final ErrorCode NULL_KEY = invalid("postgres.null_key");
    /**
     * The statement ran longer than its timeout (SQLSTATE 57014) or waited too long for a lock
     * (55P03). Transient: a busy database may answer in time later.
     */
    public static final ErrorCode TIMEOUT = new ErrorCode("postgres.timeout", ErrorKind.TRANSIENT);

    private PostgresErrorCodes() {
    }

    private static ErrorCode invalid(String code) {
        return new ErrorCode(code, ErrorKind.INVALID_PARAMETERS);
    }
}
