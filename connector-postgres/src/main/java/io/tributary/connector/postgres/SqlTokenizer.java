package io.tributary.connector.postgres;

import io.tributary.connector.postgres.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into tokens the way PostgreSQL's lexer sees quotes: 'strings' (with '' inside),
 * E'strings' (with backslash escapes), "identifiers", $tag$dollar quotes$tag$, -- and nested
 * block comments. Only what matters to find statements, keywords and {@code :name} parameters is
 * told apart; an unterminated quote or comment runs to the end, and PostgreSQL then refuses it.
 */
final class SqlTokenizer {

    private final String sql;
    private int position;

    private SqlTokenizer(String sql) {
        this.sql = sql;
    }

    static List<SqlToken> tokenize(String sql) {
        SqlTokenizer tokenizer = new SqlTokenizer(sql);
        List<SqlToken> tokens = new ArrayList<>();
        while (tokenizer.position < sql.length()) {
            tokens.add(tokenizer.next());
        }
        return tokens;
    }

    private SqlToken next() {
        int start = position;
        char c = sql.charAt(position);
        char following = at(position + 1);
        if (Character.isWhitespace(c)) {
            while (position < sql.length() && Character.isWhitespace(sql.charAt(position))) {
                position++;
            }
            return token(Kind.WHITESPACE, start);
        }
        if (c == '-' && following == '-') {
            int lineEnd = sql.indexOf('\n', position);
            position = lineEnd < 0 ? sql.length() : lineEnd;
            return token(Kind.COMMENT, start);
        }
        if (c == '/' && following == '*') {
            return blockComment(start);
        }
        if (c == '\'') {
            return quoted(start, '\'', false, Kind.STRING);
        }
        if (c == '"') {
            return quoted(start, '"', false, Kind.QUOTED_IDENTIFIER);
        }
        if ((c == 'e' || c == 'E') && following == '\'' && !continuesWord(start)) {
            position++;
            return quoted(start, '\'', true, Kind.STRING);
        }
        if (c == '$') {
            return dollar(start);
        }
        if (c == ':') {
            if (following == ':') {
                position += 2;
                return token(Kind.CAST, start);
            }
            if (isParameterStart(following)) {
                position++;
                while (position < sql.length() && isParameterPart(sql.charAt(position))) {
                    position++;
                }
                return token(Kind.PARAMETER, start);
            }
        }
        if (c == ';') {
            position++;
            return token(Kind.SEMICOLON, start);
        }
        if (isWordStart(c)) {
            while (position < sql.length() && isWordPart(sql.charAt(position))) {
                position++;
            }
            return token(Kind.WORD, start);
        }
        position++;
        return token(Kind.OTHER, start);
    }

    private SqlToken blockComment(int start) {
        int depth = 0;
        while (position < sql.length()) {
            if (sql.startsWith("/*", position)) {
                depth++;
                position += 2;
            } else if (sql.startsWith("*/", position)) {
                depth--;
                position += 2;
                if (depth == 0) {
                    break;
                }
            } else {
                position++;
            }
        }
        return token(Kind.COMMENT, start);
    }

    /** A quoted run; the quote doubled stands for itself, and in E'' a backslash escapes the next character. */
    private SqlToken quoted(int start, char quote, boolean backslashEscapes, Kind kind) {
        position++;
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (backslashEscapes && c == '\\') {
                position += 2;
            } else if (c == quote && at(position + 1) == quote) {
                position += 2;
            } else if (c == quote) {
                position++;
                break;
            } else {
                position++;
            }
        }
        position = Math.min(position, sql.length());
        return token(kind, start);
    }

    /** $tag$...$tag$ (tag possibly empty); otherwise a positional $1 or a lone $. */
    private SqlToken dollar(int start) {
        int tagEnd = position + 1;
        if (tagEnd < sql.length() && isParameterStart(sql.charAt(tagEnd))) {
            while (tagEnd < sql.length() && isParameterPart(sql.charAt(tagEnd))) {
                tagEnd++;
            }
        }
        if (at(tagEnd) != '$') {
            position++;
            while (position < sql.length() && Character.isDigit(sql.charAt(position))) {
                position++;
            }
            return token(Kind.OTHER, start);
        }
        String delimiter = sql.substring(start, tagEnd + 1);
        int close = sql.indexOf(delimiter, tagEnd + 1);
        position = close < 0 ? sql.length() : close + delimiter.length();
        return token(Kind.DOLLAR_STRING, start);
    }

    private boolean continuesWord(int start) {
        return start > 0 && isWordPart(sql.charAt(start - 1));
    }

    private SqlToken token(Kind kind, int start) {
        return new SqlToken(kind, sql.substring(start, position), start);
    }

    private char at(int index) {
        return index < sql.length() ? sql.charAt(index) : '\0';
    }

    private static boolean isParameterStart(char c) {
        return c == '_' || (c < 128 && Character.isLetter(c));
    }

    private static boolean isParameterPart(char c) {
        return isParameterStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isWordStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    /** PostgreSQL identifiers may hold digits and $ after the first character. */
    private static boolean isWordPart(char c) {
        return isWordStart(c) || Character.isDigit(c) || c == '$';
    }
}
