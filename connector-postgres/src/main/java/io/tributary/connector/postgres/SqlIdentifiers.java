package io.tributary.connector.postgres;

/** PostgreSQL's quoting of identifiers: in double quotes, a double quote inside doubled. */
final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    /** {@code Order Items} becomes {@code "Order Items"}, {@code say "hi"} becomes {@code "say ""hi"""}. */
    static String quote(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Not an identifier PostgreSQL can hold");
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
