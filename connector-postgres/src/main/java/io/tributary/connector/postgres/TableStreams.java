package io.tributary.connector.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The tables and materialized views the role may read in the chosen schemas, discovered per data
 * source ({@link Streams#discover}), each a stream read whole on every sync in the order of its
 * primary key, so the host finds deletions by comparing full reads; or, when a person chooses one
 * of its timestamp, date or integer columns as the cursor, read incrementally from above the
 * greatest value read before. A relation without a primary key (a view) is offered with its
 * columns as key choices: a person names the columns that identify its rows.
 */
final class TableStreams implements Streams {

    /**
     * The field that identifies a record when the primary key is not one column with a plain
     * lower-case name: the key's value as text, or the JSON array of a composite key's values.
     */
    static final String SYNTHETIC_KEY = "tributary_key";
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final PostgresConnector connector;
    private final TableCatalog catalog;
    private final TableReader reader;

    TableStreams(PostgresConnector connector, QueryLimits limits, ObjectMapper mapper) {
        this.connector = connector;
        this.catalog = new TableCatalog(limits);
        this.reader = new TableReader(limits, mapper);
    }

    /** None: every stream depends on the source's database. */
    @Override
    public List<StreamDescriptor> descriptors() {
        return List.of();
    }

    @Override
    public List<StreamDescriptor> discover(ConnectorContext context) {
        return connector.withConnection(PostgresCredentials.from(context.credentials()), catalog::discover).stream()
                .map(TableStreams::descriptor).toList();
    }

    /** Read on every call, so a table added or dropped since is seen: one catalogue query, a few milliseconds. */
    @Override
    public StreamPage read(ConnectorContext context, StreamReadRequest request) {
        return connector.withConnection(PostgresCredentials.from(context.credentials()), connection -> {
            TableStream table = TableCatalog.find(catalog.discover(connection), request.stream());
            // A chosen key is the person's; without one, the primary key (a relation without one is refused by the reader).
            List<String> key = request.key();
            TableRead read = request.cursorField() == null ? TableRead.fullRefresh(key, request.cursor(), request.pageSize())
                    : TableRead.incremental(request.cursorField(), request.after(), key, request.cursor(), request.pageSize());
            StreamPage page = reader.read(connection, table, read);
            if (!keyField(table).equals(SYNTHETIC_KEY)) {
                return page;
            }
            List<String> identifying = key.isEmpty() ? table.primaryKey() : key;
            List<ObjectNode> records = new ArrayList<>(page.records().size());
            for (ObjectNode record : page.records()) {
                records.add(withSyntheticKey(record, identifying));
            }
            return new StreamPage(records, page.nextCursor());
        });
    }

    static StreamDescriptor descriptor(TableStream table) {
        StreamDescriptor.Builder builder = StreamDescriptor.builder(table.streamName(), describe(table))
                .primaryKey(keyField(table))
                .withoutCreationTime()
                .cursorChoices(table.cursorCandidates().toArray(String[]::new));
        if (table.primaryKey().isEmpty()) {
            builder.keyChoices(table.columns().stream().map(ResultColumn::name).toArray(String[]::new));
        }
        return builder.build();
    }

    /** Without a primary key, the person's chosen key is put in the synthetic field, whatever it is. */
    private static String keyField(TableStream table) {
        List<String> key = table.primaryKey();
        if (key.isEmpty()) {
            return SYNTHETIC_KEY;
        }
        return key.size() == 1 && FIELD_NAME.matcher(key.get(0)).matches() ? key.get(0) : SYNTHETIC_KEY;
    }

    private static ObjectNode withSyntheticKey(ObjectNode record, List<String> key) {
        if (key.size() == 1) {
            JsonNode value = record.get(key.get(0));
            record.put(SYNTHETIC_KEY, value == null || value.isNull() ? "" : value.asText());
            return record;
        }
        ArrayNode values = record.arrayNode();
        key.forEach(column -> values.add(record.get(column)));
        record.put(SYNTHETIC_KEY, values.toString());
        return record;
    }

    private static String describe(TableStream table) {
        String kind = switch (table.kind()) {
            case TABLE -> "The table";
            case VIEW -> "The view";
            case MATERIALIZED_VIEW -> "The materialized view";
            case FOREIGN_TABLE -> "The foreign table";
        };
        return kind + " " + table.schema() + "." + table.name() + ", " + table.columns().size() + " columns, read whole by its primary key ("
                + (table.primaryKey().isEmpty() ? "the columns you name" : String.join(", ", table.primaryKey())) + ")" + (table.cursorCandidates().isEmpty() ? "."
                : ", or incrementally by a column you choose: " + String.join(", ", table.cursorCandidates()) + ".");
    }
}
