package io.tributary.connector.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.connector.spi.MirrorReader;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.WebhookEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the host would hold for a connector's pushed streams after some deliveries: the records of
 * their events, kept as the host keeps them, read back through {@link MirrorReader} as the host
 * reads them. Lets the kit run the queries a push-only connector answers from its deliveries.
 */
final class PushedRecords implements MirrorReader {

    private final InstalledConnector installed;
    private final Map<String, Map<String, ObjectNode>> byStream = new LinkedHashMap<>();

    PushedRecords(InstalledConnector installed) {
        this.installed = installed;
    }

    /** Keeps the record of each event for each pushed stream it names, as the host does (one per key). */
    PushedRecords keep(List<WebhookEvent> events) {
        for (WebhookEvent event : events) {
            for (String name : event.staleStreams()) {
                Optional<StreamDescriptor> stream = installed.stream(name).filter(StreamDescriptor::pushed);
                if (stream.isPresent() && event.object() instanceof ObjectNode record && record.hasNonNull(stream.get().primaryKey())) {
                    byStream.computeIfAbsent(name, ignored -> new LinkedHashMap<>())
                            .putIfAbsent(record.get(stream.get().primaryKey()).asText(), record);
                }
            }
        }
        return this;
    }

    /**
     * Whether the host answers this request from pushed streams alone: it never calls
     * {@code runQuery} for it, so it reaches no outside system.
     */
    static boolean answeredFromPushedStreams(InstalledConnector installed, QueryRequest request) {
        Set<String> needed = installed.mirrorQueries().map(mirror -> mirror.streamsFor(request)).orElse(Set.of());
        return !needed.isEmpty() && needed.stream().allMatch(name -> installed.stream(name).map(StreamDescriptor::pushed).orElse(false));
    }

    @Override
    public void forEach(String stream, CreatedWindow window, Consumer<ObjectNode> action) {
        newestFirst(stream).stream().filter(record -> window == null || createdAt(stream, record).map(window::contains).orElse(false))
                .forEach(record -> action.accept(record.deepCopy()));
    }

    @Override
    public List<ObjectNode> newest(String stream, int limit) {
        return newestFirst(stream).stream().limit(limit).map(ObjectNode::deepCopy).toList();
    }

    @Override
    public Optional<ObjectNode> find(String stream, String id) {
        return Optional.ofNullable(byStream.getOrDefault(stream, Map.of()).get(id)).map(ObjectNode::deepCopy);
    }

    private List<ObjectNode> newestFirst(String stream) {
        List<ObjectNode> records = new ArrayList<>(byStream.getOrDefault(stream, Map.of()).values());
        records.sort(Comparator.comparing((ObjectNode record) -> createdAt(stream, record).orElse(Instant.MIN)).reversed());
        return records;
    }

    private Optional<Instant> createdAt(String stream, JsonNode record) {
        return installed.stream(stream).flatMap(descriptor -> descriptor.createdAt(record));
    }
}
