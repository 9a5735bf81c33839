package io.tributary.connector.spi;

/**
 * One problem with input, returned as data so a form can show every problem at once.
 *
 * @param field the parameter or credential field at fault
 * @param code a stable code: {@code required}, {@code unknown}, {@code wrong_type},
 *     {@code below_minimum}, {@code above_maximum}, {@code not_allowed} or {@code pattern_mismatch}
 * @param message what is wrong, for people
 */
public record ValidationProblem(String field, String code, String message) {

    /** Checks the inputs. */
    public ValidationProblem {
        Checks.text(field, "field");
        Checks.text(code, "code");
        Checks.text(message, "message");
    }

    /**
     * This problem as the exception the host reports for bad parameters.
     *
     * @return an {@link StandardErrorCode#INVALID_PARAMETER} exception naming the field
     */
    public ConnectorException toException() {
        return ConnectorException.invalidParameter(field, message);
    }
}
