package io.tributary.connector.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.MinorUnits;
import io.tributary.connector.spi.ResultField;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a query's result has the shape its {@link ResultField}s declare: every declared
 * field present, of its type, and null only where nullable; an amount of money an integer beside a
 * currency code the connector's {@link MinorUnits} know. Extra fields are allowed (a connector may
 * return more than it promises, but never less).
 */
public final class ResultConformance {

    private ResultConformance() {
    }

    /**
     * Every way a result breaks its declaration, money read as ISO 4217 defines it.
     *
     * @param fields the declared fields
     * @param data the result object
     * @return one line per violation, naming the path; empty when the result conforms
     */
    public static List<String> violations(List<ResultField> fields, JsonNode data) {
        return violations(fields, data, MinorUnits.ISO_4217);
    }

    /**
     * Every way a result breaks its declaration.
     *
     * @param fields the declared fields
     * @param data the result object
     * @param minorUnits how the connector writes money, to check the currency codes of MONEY fields
     * @return one line per violation, naming the path; empty when the result conforms
     */
    public static List<String> violations(List<ResultField> fields, JsonNode data, MinorUnits minorUnits) {
        List<String> violations = new ArrayList<>();
        if (data == null || !data.isObject()) {
            violations.add("the result is not a JSON object");
            return violations;
        }
        new ResultConformance.Walk(minorUnits, violations).object(fields, data, "");
        return violations;
    }

    /** One walk over a result, collecting violations. */
    private record Walk(MinorUnits minorUnits, List<String> violations) {

        void object(List<ResultField> fields, JsonNode object, String prefix) {
            for (ResultField field : fields) {
                String path = prefix + field.name();
                JsonNode value = object.get(field.name());
                if (value == null) {
                    violations.add(path + ": missing");
                } else if (value.isNull()) {
                    if (!field.nullable()) {
                        violations.add(path + ": null, but not declared nullable");
                    }
                } else if (checkValue(field, value, path, violations) && field.type() == FieldType.MONEY) {
                    currency(field, object, prefix);
                } else if (field.type() == FieldType.OBJECT && value.isObject() && !field.fields().isEmpty()) {
                    object(field.fields(), value, path + ".");
                } else if (field.type() == FieldType.ARRAY && value.isArray() && !field.fields().isEmpty()) {
                    elements(field, value, path);
                }
            }
        }

        private void elements(ResultField field, JsonNode array, String path) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                String elementPath = path + "[" + i + "]";
                if (!element.isObject()) {
                    violations.add(elementPath + ": expected an object but was " + element.getNodeType());
                } else {
                    object(field.fields(), element, elementPath + ".");
                }
            }
        }

        private void currency(ResultField money, JsonNode object, String prefix) {
            JsonNode code = object.get(money.currencyField());
            String path = prefix + money.name();
            if (code == null || !code.isTextual()) {
                violations.add(path + ": an amount of money without its currency code in '" + prefix + money.currencyField() + "'");
                return;
            }
            try {
                minorUnits.exponent(code.textValue());
            } catch (IllegalArgumentException e) {
                violations.add(path + ": its currency '" + code.textValue() + "' is not an ISO 4217 code");
            }
        }
    }

    private static boolean checkValue(ResultField field, JsonNode value, String path, List<String> violations) {
        boolean fits = switch (field.type()) {
            case STRING -> value.isTextual();
            case INTEGER, TIMESTAMP, MONEY -> value.isIntegralNumber();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case OBJECT -> value.isObject();
            case ARRAY -> value.isArray();
            case ANY -> true;
        };
        if (!fits) {
            violations.add(path + ": expected " + field.type() + " but was " + value.getNodeType());
        }
        return fits;
    }
}
