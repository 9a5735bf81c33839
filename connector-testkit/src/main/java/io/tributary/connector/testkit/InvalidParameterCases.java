package io.tributary.connector.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.QueryType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Derives invalid parameter sets from a query type's schema: starting from valid sample
 * parameters, each case breaks exactly one declared constraint, so the failure must name exactly
 * that parameter.
 */
final class InvalidParameterCases {

    /** A name no connector declares, for the "unknown parameter" case. */
    static final String UNKNOWN_PARAMETER = "not_a_parameter_of_this_query";

    private static final List<String> NON_MATCHING_CANDIDATES = List.of("!! not valid !!", "", " ", "\u0000", "0");

    /** One derived case, with a name that says what it breaks. */
    record Case(String name, InvalidQuery query) {
    }

    private InvalidParameterCases() {
    }

    static List<Case> derive(QueryType queryType, ObjectNode validSample) {
        List<Case> cases = new ArrayList<>();
        for (ParameterSpec spec : queryType.parameters()) {
            if (spec.required()) {
                ObjectNode without = validSample.deepCopy();
                without.remove(spec.name());
                cases.add(new Case(spec.name() + " missing", new InvalidQuery(queryType.id(), without, spec.name())));
            }
            cases.add(with(queryType, validSample, spec, "of the wrong type", wrongType(spec)));
            if (spec.minimum() != null) {
                cases.add(with(queryType, validSample, spec, "below its minimum",
                        JsonNodeFactory.instance.numberNode(spec.minimum().subtract(BigDecimal.ONE))));
            }
            if (spec.maximum() != null) {
                cases.add(with(queryType, validSample, spec, "above its maximum",
                        JsonNodeFactory.instance.numberNode(spec.maximum().add(BigDecimal.ONE))));
            }
            if (!spec.allowedValues().isEmpty()) {
                cases.add(with(queryType, validSample, spec, "not an allowed value",
                        JsonNodeFactory.instance.textNode(notAllowed(spec))));
            }
            if (spec.pattern() != null) {
                nonMatching(spec).ifPresent(value -> cases.add(with(queryType, validSample, spec,
                        "not matching its pattern", JsonNodeFactory.instance.textNode(value))));
            }
        }
        ObjectNode unknown = validSample.deepCopy();
        unknown.put(UNKNOWN_PARAMETER, 1);
        cases.add(new Case("an unknown parameter", new InvalidQuery(queryType.id(), unknown, UNKNOWN_PARAMETER)));
        return cases;
    }

    private static Case with(QueryType queryType, ObjectNode validSample, ParameterSpec spec, String what, JsonNode value) {
        ObjectNode parameters = validSample.deepCopy();
        parameters.set(spec.name(), value);
        return new Case(spec.name() + " " + what + " (" + value + ")", new InvalidQuery(queryType.id(), parameters, spec.name()));
    }

    private static JsonNode wrongType(ParameterSpec spec) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return switch (spec.type()) {
            case STRING -> json.numberNode(12345);
            case INTEGER -> json.textNode("twelve");
            case NUMBER, BOOLEAN -> json.textNode("not a " + spec.type().name().toLowerCase(java.util.Locale.ROOT));
            case TIMESTAMP -> json.textNode("not a time");
            case OBJECT -> json.textNode("not an object");
        };
    }

    private static String notAllowed(ParameterSpec spec) {
        String value = "not_allowed";
        while (spec.allowedValues().contains(value)) {
            value = value + "_really";
        }
        return value;
    }

    private static java.util.Optional<String> nonMatching(ParameterSpec spec) {
        Pattern pattern = Pattern.compile(spec.pattern());
        return NON_MATCHING_CANDIDATES.stream().filter(candidate -> !pattern.matcher(candidate).matches()).findFirst();
    }
}
