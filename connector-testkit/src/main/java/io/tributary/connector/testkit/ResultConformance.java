package io.tributary.connector.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.ResultField;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a query's result has the shape its {@link ResultField}s declare: every declared
 * field present, of its type, and null only where nullable. Extra fields are allowed (a connector
 * may return more than it promises, but never less).
 */
public final class ResultConformance {

    private ResultConformance() {
    }

    /**
     * Every way a result breaks its declaration.
     *
     * @param fields the declared fields
     * @param data the result object
     * @return one line per violation, naming the path; empty when the result conforms
     */
    public static List<String> violations(List<ResultField> fields, JsonNode data) {
        List<String> violations = new ArrayList<>();
        if (data == null || !data.isObject()) {
            violations.add("the result is not a JSON object");
            return violations;
        }
        checkObject(fields, data, "", violations);
        return violations;
    }

    private static void checkObject(List<ResultField> fields, JsonNode object, String prefix, List<String> violations) {
        for (ResultField field : fields) {
            String path = prefix + field.name();
            JsonNode value = object.get(field.name());
            if (value == null) {
                violations.add(path + ": missing");
            } else if (value.isNull()) {
                if (!field.nullable()) {
                    violations.add(path + ": null, but not declared nullable");
                }
            } else {
                checkValue(field, value, path, violations);
            }
        }
    }

    private static void checkValue(ResultField field, JsonNode value, String path, List<String> violations) {
        boolean fits = switch (field.type()) {
            case STRING -> value.isTextual();
            case INTEGER, TIMESTAMP -> value.isIntegralNumber();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case OBJECT -> value.isObject();
            case ARRAY -> value.isArray();
            case ANY -> true;
        };
        if (!fits) {
            violations.add(path + ": expected " + field.type() + " but was " + value.getNodeType());
            return;
        }
        if (field.type() == FieldType.OBJECT && !field.fields().isEmpty()) {
            checkObject(field.fields(), value, path + ".", violations);
        }
        if (field.type() == FieldType.ARRAY && !field.fields().isEmpty()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                String elementPath = path + "[" + i + "]";
                if (!element.isObject()) {
                    violations.add(elementPath + ": expected an object but was " + element.getNodeType());
                } else {
                    checkObject(field.fields(), element, elementPath + ".", violations);
                }
            }
        }
    }
}
