package io.tributary.connector.host;

import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.ValidationProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks credentials against a connector's {@link CredentialField}s before they are stored or
 * sent anywhere: required fields present, patterns matched, no unknown fields. Problems come back
 * as data; messages never repeat the value.
 */
public final class CredentialsValidator {

    private CredentialsValidator() {
    }

    /**
     * Every problem with the given credentials.
     *
     * @param connector the installed connector (its credential fields include the webhook signing secret's)
     * @param values field name to value, as the person entered them
     * @return the problems, empty when the credentials have the right shape
     */
    public static List<ValidationProblem> problems(InstalledConnector connector, Map<String, String> values) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (String name : values.keySet()) {
            if (connector.credentialField(name).isEmpty()) {
                problems.add(new ValidationProblem(name, "unknown",
                        "'" + name + "' is not a credential of " + connector.descriptor().displayName()));
            }
        }
        for (CredentialField field : connector.credentialFields()) {
            String value = values.get(field.name());
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    problems.add(new ValidationProblem(field.name(), "required", field.label() + " is required"));
                }
            } else if (!field.accepts(value)) {
                String hint = field.helpText() == null ? "" : ": " + field.helpText();
                problems.add(new ValidationProblem(field.name(), "pattern_mismatch",
                        field.label() + " does not look right" + hint));
            }
        }
        return List.copyOf(problems);
    }
}
