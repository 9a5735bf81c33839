package io.tributary.server.core;

import java.security.SecureRandom;

/** Opaque resource ids: a short prefix naming the kind, then random letters and digits. */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new id such as {@code ws_3kQ9...}: 20 random characters, about 119 bits. */
    public static String next(String prefix) {
        return prefix + "_" + random(20);
    }

    /** Random letters and digits. */
    public static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
