package io.tributary.server.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.CursorFormat;
import io.tributary.connector.spi.Retention;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.server.db.DataSourceDao;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The streams of one data source: the connector's own, or, for a connector that discovers them per
 * source ({@code Streams.discover}, a database's tables), those found when the source's credentials
 * were last checked, kept with the source as JSON.
 */
public final class SourceStreams {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    public SourceStreams(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Asks the connector for a source's streams, when it discovers them per source.
     *
     * @return the streams found, or empty for a connector whose streams are its own
     */
    public static Optional<List<StreamDescriptor>> discover(InstalledConnector connector, ConnectorContext context) {
        if (!connector.discoversStreams()) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(connector.streams().orElseThrow().discover(context)));
    }

    /** Keeps what {@link #discover} found with the source, in the caller's transaction. */
    public static void keep(Handle handle, String dataSourceId, Optional<List<StreamDescriptor>> discovered) {
        discovered.ifPresent(streams -> handle.attach(DataSourceDao.class).setStreams(dataSourceId, toJson(streams)));
    }

    /** The source's streams. */
    public List<StreamDescriptor> of(String dataSourceId, InstalledConnector connector) {
        if (!connector.discoversStreams()) {
            return connector.streamDescriptors();
        }
        return jdbi.withExtension(DataSourceDao.class, sources -> sources.streams(dataSourceId)).map(SourceStreams::fromJson)
                .orElse(connector.streamDescriptors());
    }

    /** One of the source's streams. */
    public Optional<StreamDescriptor> find(String dataSourceId, InstalledConnector connector, String name) {
        return of(dataSourceId, connector).stream().filter(stream -> stream.name().equals(name)).findFirst();
    }

    static String toJson(List<StreamDescriptor> streams) {
        ArrayNode array = JSON.createArrayNode();
        for (StreamDescriptor stream : streams) {
            ObjectNode node = array.addObject().put("name", stream.name()).put("description", stream.description())
                    .put("primaryKey", stream.primaryKey()).put("incremental", stream.incremental())
                    .put("createdFilter", stream.createdFilter());
            stream.cursorField().ifPresent(field -> node.put("cursorField", field));
            stream.cursorFormat().ifPresent(format -> node.put("cursorFormat", format.name()));
            stream.retention().ifPresent(retention -> node.putObject("retention").put("maxAgeDays", retention.maxAgeDays())
                    .put("maxRecords", retention.maxRecords()));
            stream.cursorChoices().forEach(node.putArray("cursorChoices")::add);
            stream.keyChoices().forEach(node.putArray("keyChoices")::add);
        }
        return array.toString();
    }

    static List<StreamDescriptor> fromJson(String json) {
        try {
            List<StreamDescriptor> streams = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                StreamDescriptor.Builder builder = StreamDescriptor.builder(node.get("name").asText(), node.get("description").asText())
                        .primaryKey(node.get("primaryKey").asText());
                if (node.hasNonNull("cursorField")) {
                    builder.cursor(node.get("cursorField").asText(), CursorFormat.valueOf(node.get("cursorFormat").asText()));
                } else {
                    builder.withoutCreationTime();
                }
                if (node.path("incremental").asBoolean()) {
                    builder.incremental();
                }
                if (node.path("createdFilter").asBoolean()) {
                    builder.createdFilter();
                }
                List<String> choices = new ArrayList<>();
                node.path("cursorChoices").forEach(choice -> choices.add(choice.asText()));
                builder.cursorChoices(choices.toArray(String[]::new));
                List<String> keys = new ArrayList<>();
                node.path("keyChoices").forEach(choice -> keys.add(choice.asText()));
                builder.keyChoices(keys.toArray(String[]::new));
                if (node.hasNonNull("retention")) {
                    builder.pushed(new Retention(node.at("/retention/maxAgeDays").asInt(), node.at("/retention/maxRecords").asLong()));
                }
                streams.add(builder.build());
            }
            return List.copyOf(streams);
        } catch (IOException e) {
            throw new UncheckedIOException("The stored streams of a data source could not be read", e);
        }
    }
}
