package io.tributary.connector.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamReadRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One operation the host runs against the outside system with a source's context, named for the
 * case it is in: validating credentials, one query type, or reading one stream.
 *
 * @param name such as {@code validateCredentials}, {@code acme.count} or {@code stream tickets}
 * @param call runs it with a context
 */
record Operation(String name, Consumer<ConnectorContext> call) {

    static Operation validateCredentials(InstalledConnector installed) {
        return new Operation("validateCredentials", context -> installed.connector().validateCredentials(context));
    }

    /**
     * Every query type (with its sample parameters) and every stream's first page, but those the
     * host answers from pushed streams and the pushed streams themselves: they reach no outside system.
     */
    static List<Operation> queriesAndStreams(InstalledConnector installed, Function<QueryType, ObjectNode> samples) {
        List<Operation> operations = new ArrayList<>();
        for (QueryType queryType : installed.descriptor().queryTypes()) {
            if (answeredFromPushedStreams(installed, queryType, samples)) {
                continue;
            }
            operations.add(new Operation(queryType.id(), context -> {
                QueryRequest request = ParameterValidator.prepare(installed, queryType.id(), samples.apply(queryType));
                installed.connector().runQuery(context, request);
            }));
        }
        for (StreamDescriptor stream : installed.streamDescriptors().stream().filter(stream -> !stream.pushed()).toList()) {
            operations.add(new Operation("stream " + stream.name(), context -> installed.streams().orElseThrow()
                    .read(context, new StreamReadRequest(stream.name(), null, null, 10))));
        }
        return operations;
    }

    /** False also when the sample cannot be prepared: the operation then reports why, in its own case. */
    private static boolean answeredFromPushedStreams(InstalledConnector installed, QueryType queryType,
                                                     Function<QueryType, ObjectNode> samples) {
        try {
            return PushedRecords.answeredFromPushedStreams(installed,
                    ParameterValidator.prepare(installed, queryType.id(), samples.apply(queryType)));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
