package io.tributary.connector.postgres;

/**
 * One token of a SQL text, with its place in the text.
 *
 * @param kind what it is
 * @param text the exact characters
 * @param start the offset of its first character
 */
record SqlToken(Kind kind, String text, int start) {

    /** What a token is; only {@link #WORD}, {@link #PARAMETER} and {@link #OTHER} are outside quotes and comments. */
    enum Kind {
        /** A keyword or unquoted identifier. */
        WORD,
        /** A "quoted identifier". */
        QUOTED_IDENTIFIER,
        /** A 'string', E'string', B'..', X'..' or U&'..'. */
        STRING,
        /** A $tag$dollar-quoted string$tag$. */
        DOLLAR_STRING,
        /** A -- line or a nested block comment. */
        COMMENT,
        /** Spaces, tabs and line breaks. */
        WHITESPACE,
        /** A named parameter {@code :name}. */
        PARAMETER,
        /** The {@code ::} cast operator. */
        CAST,
        /** A {@code ;}. */
        SEMICOLON,
        /** Anything else: operators, numbers, punctuation, positional {@code $1}. */
        OTHER
    }

    int end() {
        return start + text.length();
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /** Whitespace and comments: what does not change the statement's meaning. */
    boolean isBlank() {
        return kind == Kind.WHITESPACE || kind == Kind.COMMENT;
    }
}
