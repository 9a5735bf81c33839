package io.tributary.server.core;

import io.tributary.server.problems.InvalidInput;

/** Checks of the short texts people give things (names, labels). */
final class Names {

    static final int MAX_LENGTH = 200;

    private Names() {
    }

    static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "'" + field + "' is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_LENGTH || trimmed.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidInput(field, "'" + field + "' must be at most " + MAX_LENGTH + " printable characters");
        }
        return trimmed;
    }
}
