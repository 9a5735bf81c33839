package io.tributary.server.sources;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The field name a source's ciphertext is bound to: which secret, and at which credential version,
 * as {@code credentials#v3}. Version 0 is the bare name: the associated data of sources stored
 * before ciphertexts carried a version.
 *
 * @param name    the secret: {@code credentials} or {@code webhook_secret}
 * @param version the source's credential version, 0 or more
 */
public record VersionedField(String name, int version) {

    private static final String SEPARATOR = "#v";
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");

    public VersionedField {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a field name is not empty");
        }
        if (version < 0) {
            throw new IllegalArgumentException("a credential version is 0 or more: " + version);
        }
    }

    /** The name bound into the associated data. */
    public String fieldName() {
        return version == 0 ? name : name + SEPARATOR + version;
    }

    /** Reads a field name back; a name without a version (the server's own secrets, say) is taken whole, as version 0. */
    public static VersionedField parse(String fieldName) {
        int at = fieldName.lastIndexOf(SEPARATOR);
        if (at > 0) {
            String digits = fieldName.substring(at + SEPARATOR.length());
            if (VERSION.matcher(digits).matches()) {
                return new VersionedField(fieldName.substring(0, at), Integer.parseInt(digits));
            }
        }
        return new VersionedField(fieldName, 0);
    }
}
