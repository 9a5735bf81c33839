package io.tributary.connector.postgres;

import io.tributary.connector.postgres.SqlToken.Kind;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One user statement, checked before anything is sent and rewritten for JDBC: each {@code :name}
 * outside quotes and comments becomes a {@code ?} bound in {@link #bindOrder()}, a {@code ?} of
 * the user's own (the jsonb operator) is escaped as {@code ??}, and statement-ending semicolons
 * are dropped. Keeps where each change was, so a position PostgreSQL reports is mapped back to
 * the text the user wrote.
 */
public final class GuardedSql {

    /** Statements that would change the session or the transaction the guard set up, or run code blocks. */
    private static final Set<String> SESSION_STATEMENTS = Set.of("SET", "RESET", "BEGIN", "START", "COMMIT", "END",
            "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "PREPARE", "EXECUTE", "DEALLOCATE", "DISCARD", "LISTEN",
            "UNLISTEN", "NOTIFY", "LOCK", "LOAD", "DO", "CALL", "VACUUM", "CHECKPOINT");

    /** Where the rewrite changed the text: in the original, and in the SQL PostgreSQL receives. */
    private record Edit(int originalStart, int originalLength, int sentStart, int sentLength) {
    }

    private final String original;
    private final String jdbcSql;
    private final List<String> bindOrder;
    private final List<Edit> edits;

    private GuardedSql(String original, String jdbcSql, List<String> bindOrder, List<Edit> edits) {
        this.original = original;
        this.jdbcSql = jdbcSql;
        this.bindOrder = List.copyOf(bindOrder);
        this.edits = List.copyOf(edits);
    }

    /**
     * Checks and rewrites one statement.
     *
     * @param sql the user's SQL
     * @return the statement
     * @throws ConnectorException naming the field {@code sql}, with a {@code postgres.*} code, when it
     *     holds several statements, none, a session or transaction statement, or COPY
     */
    public static GuardedSql parse(String sql) {
        if (sql == null) {
            throw refuse(PostgresErrorCodes.EMPTY_STATEMENT, "There is no SQL statement to run");
        }
        List<SqlToken> tokens = SqlTokenizer.tokenize(sql);
        checkOneStatement(tokens);
        checkStatementKind(tokens);
        return rewrite(sql, tokens);
    }

    private static void checkOneStatement(List<SqlToken> tokens) {
        int statements = 0;
        boolean inStatement = false;
        for (SqlToken token : tokens) {
            if (token.kind() == Kind.SEMICOLON) {
                inStatement = false;
            } else if (!token.isBlank() && !inStatement) {
                inStatement = true;
                statements++;
            }
        }
        if (statements == 0) {
            throw refuse(PostgresErrorCodes.EMPTY_STATEMENT, "There is no SQL statement to run, only comments or semicolons");
        }
        if (statements > 1) {
            throw refuse(PostgresErrorCodes.MULTIPLE_STATEMENTS,
                    "Only one SQL statement may run at a time; remove everything after the first semicolon");
        }
    }

    private static void checkStatementKind(List<SqlToken> tokens) {
        List<SqlToken> words = tokens.stream().filter(token -> !token.isBlank() && token.kind() != Kind.SEMICOLON).toList();
        SqlToken first = words.stream().filter(token -> token.kind() == Kind.WORD).findFirst().orElse(null);
        String keyword = first == null ? "" : first.text().toUpperCase(Locale.ROOT);
        if (SESSION_STATEMENTS.contains(keyword)) {
            throw refuse(PostgresErrorCodes.TRANSACTION_CONTROL, keyword + " statements are not allowed: the query runs in a"
                    + " read-only transaction with fixed settings that it may not change. Write a single SELECT.");
        }
        if (keyword.equals("COPY")) {
            if (words.stream().anyMatch(token -> token.isWord("PROGRAM"))) {
                throw refuse(PostgresErrorCodes.COPY_PROGRAM, "COPY ... PROGRAM runs a command on the database server and is never allowed");
            }
            throw refuse(PostgresErrorCodes.COPY_REFUSED, "COPY is not allowed: write a SELECT to read the rows");
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            SqlToken token = words.get(i);
            boolean setConfig = token.isWord("set_config")
                    || (token.kind() == Kind.QUOTED_IDENTIFIER && token.text().equals("\"set_config\""));
            if (setConfig && words.get(i + 1).text().equals("(")) {
                throw refuse(PostgresErrorCodes.TRANSACTION_CONTROL,
                        "set_config() is not allowed: the query may not change its timeouts or search path");
            }
        }
    }

    private static GuardedSql rewrite(String sql, List<SqlToken> tokens) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        // The driver sends $1, $2... for the ? in order, and ? for ??: positions are counted in that text.
        int sentLength = 0;
        List<String> bindOrder = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        for (SqlToken token : tokens) {
            switch (token.kind()) {
                case PARAMETER -> {
                    bindOrder.add(token.text().substring(1));
                    String sent = "$" + bindOrder.size();
                    edits.add(new Edit(token.start(), token.text().length(), sentLength, sent.length()));
                    jdbc.append('?');
                    sentLength += sent.length();
                }
                case SEMICOLON -> edits.add(new Edit(token.start(), 1, sentLength, 0));
                case OTHER -> {
                    jdbc.append(token.text().replace("?", "??"));
                    sentLength += token.text().length();
                }
                default -> {
                    jdbc.append(token.text());
                    sentLength += token.text().length();
                }
            }
        }
        return new GuardedSql(sql, jdbc.toString(), bindOrder, edits);
    }

    private static ConnectorException refuse(ErrorCode code, String message) {
        return new ConnectorException(code, message, "sql", null, null, null);
    }

    /** @return the SQL as the user wrote it */
    public String original() {
        return original;
    }

    /** @return the SQL for a JDBC PreparedStatement: ? placeholders, ?? for a literal ? */
    public String jdbcSql() {
        return jdbcSql;
    }

    /** @return the parameter name bound to each ?, in order; a name used twice appears twice */
    public List<String> bindOrder() {
        return bindOrder;
    }

    /** @return the distinct parameter names the statement uses, in order of first use */
    public Set<String> parameterNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(bindOrder));
    }

    /**
     * Maps a position PostgreSQL reported in the statement it received back to the user's text.
     *
     * @param sentPosition 1-based character position in the SQL PostgreSQL received
     * @return the 1-based position in {@link #original()}
     */
    public int originalPosition(int sentPosition) {
        int index = sentPosition - 1;
        int shift = 0;
        for (Edit edit : edits) {
            if (index < edit.sentStart()) {
                break;
            }
            if (index < edit.sentStart() + edit.sentLength()) {
                return edit.originalStart() + 1;
            }
            shift += edit.originalLength() - edit.sentLength();
        }
        return index + shift + 1;
    }

    @Override
    public String toString() {
        return "GuardedSql[" + original + "]";
    }
}
