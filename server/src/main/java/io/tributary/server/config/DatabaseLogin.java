package io.tributary.server.config;

/** A database role and its password. */
public record DatabaseLogin(String user, String password) {

    @Override
    public String toString() {
        return "DatabaseLogin[" + user + ", password=***]";
    }
}
