package io.tributary.connector.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ResultField;
import io.tributary.connector.spi.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the types cannot say about a descriptor and the host relies on: secrets marked secret,
 * every result field typed, money beside its currency, and sample parameters that fit the schema.
 * Each problem says what to change.
 */
final class DescriptorChecks {

    /** Credential field names that must be marked secret. */
    static final Pattern SECRET_LOOKING = Pattern.compile(".*(key|secret|token|password|passphrase).*");

    private DescriptorChecks() {
    }

    static List<String> problems(InstalledConnector installed, ConnectorDescriptor again, Function<QueryType, ObjectNode> samples) {
        ConnectorDescriptor descriptor = installed.descriptor();
        List<String> problems = new ArrayList<>();
        if (!descriptor.equals(again)) {
            problems.add("the factory's descriptor() changed between two calls. To fix: return the same description every time");
        }
        for (CredentialField field : installed.credentialFields()) {
            if (looksSecret(field.name()) && !field.secret()) {
                problems.add("credential field '" + field.name() + "' looks secret but is not. To fix: build it with CredentialField.secret(...)");
            }
        }
        for (QueryType queryType : descriptor.queryTypes()) {
            problems.addAll(fieldProblems(queryType.resultFields(), queryType.id() + ": "));
            for (ValidationProblem problem : ParameterValidator.problems(queryType, samples.apply(queryType))) {
                problems.add(queryType.id() + ": sampleParameters() does not fit the schema (" + problem.message()
                        + "). To fix: return parameters the query type accepts");
            }
        }
        return problems;
    }

    static boolean looksSecret(String name) {
        return SECRET_LOOKING.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    private static List<String> fieldProblems(List<ResultField> fields, String prefix) {
        List<String> problems = new ArrayList<>();
        for (ResultField field : fields) {
            // ANY is for a value the data decides (the value at a path a person chose): it may be anything, absent included.
            if (field.type() == FieldType.ANY && !field.nullable()) {
                problems.add(prefix + field.name() + " has type ANY but is not nullable. To fix: declare its type (OBJECT or ARRAY"
                        + " without fields for free-form values), or declare it ResultField.nullable if the data decides its type");
            }
            if (field.type() == FieldType.MONEY) {
                Optional<ResultField> currency = fields.stream().filter(sibling -> sibling.name().equals(field.currencyField())).findFirst();
                if (currency.isEmpty() || currency.get().type() != FieldType.STRING) {
                    problems.add(prefix + field.name() + " is MONEY, so its currency field '" + field.currencyField()
                            + "' must be a STRING beside it. To fix: declare it there or name the field that holds the ISO 4217 code");
                }
            }
            problems.addAll(fieldProblems(field.fields(), prefix + field.name() + "."));
        }
        return problems;
    }
}
