package io.tributary.server.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workspace API tokens: {@code trb_<id>_<secret>}. The id finds the token's row; only a SHA-256 of
 * the secret is stored, so a copy of the database grants nothing. Tokens are shown once.
 */
public final class ApiTokens {

    /** A token as issued: its id, and the full text to give the user once. */
    public record Issued(String id, String token, byte[] secretHash) {
    }

    /** A presented token, split. */
    public record Presented(String id, byte[] secretHash) {
    }

    private static final Pattern SHAPE = Pattern.compile("trb_(tok[A-Za-z0-9]{12})_([A-Za-z0-9]{32})");

    private ApiTokens() {
    }

    public static Issued issue() {
        String id = "tok" + Ids.random(12);
        String secret = Ids.random(32);
        return new Issued(id, "trb_" + id + "_" + secret, sha256(secret));
    }

    public static Optional<Presented> parse(String token) {
        Matcher matcher = SHAPE.matcher(token == null ? "" : token);
        return matcher.matches() ? Optional.of(new Presented(matcher.group(1), sha256(matcher.group(2)))) : Optional.empty();
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
