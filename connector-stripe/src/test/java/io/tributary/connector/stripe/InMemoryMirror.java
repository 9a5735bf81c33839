package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.Change;
import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.ChangePage;
import io.tributary.connector.spi.ChangeRequest;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.connector.spi.MirrorReader;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The host's mirror in memory, for tests of answers from the mirror: it keeps streams as the host
 * does, through the connector's SPI only. A backfill notes where the change feed stands, then pages
 * each stream with {@link Streams#read}; {@link #sync()} applies the feed's changes (reading an
 * object again with {@link ChangeFeed#readObject} for a change that asks for it, removing deleted ones, never letting
 * an older version replace a newer one), then reads the objects created since the last sync by
 * creation time, with a lookback, as the host does. Readers see live records only, newest first by
 * creation time and then by id descending, and only the streams they were opened for.
 */
final class InMemoryMirror {

    private static final int PAGE = 100;
    private static final Duration LOOKBACK = Duration.ofHours(1);
    private static final Comparator<ObjectNode> NEWEST_FIRST = Comparator
            .comparingLong((ObjectNode record) -> created(record).orElse(Long.MIN_VALUE))
            .thenComparing(record -> record.path("id").asText())
            .reversed();

    /** One record: its last known state (null once deleted) and when that state was current. */
    private record Held(ObjectNode object, Instant versionAt) {
    }

    private final Streams source;
    private final ChangeFeed feed;
    private final Supplier<ConnectorContext> contexts;
    private final Set<String> streams;
    private final Map<String, Map<String, Held>> records = new HashMap<>();
    private String cursor;
    private Instant lastRead;
    private long objectReads;
    private long changesApplied;

    private InMemoryMirror(Streams source, Supplier<ConnectorContext> contexts, Set<String> streams) {
        this.source = source;
        this.feed = source.changeFeed().orElseThrow();
        this.contexts = contexts;
        this.streams = Set.copyOf(streams);
    }

    /**
     * A mirror of these streams, backfilled now.
     *
     * @param contexts a context for each operation; its clock is the mirror's "now"
     */
    static InMemoryMirror backfill(Streams source, Supplier<ConnectorContext> contexts, Set<String> streams) {
        InMemoryMirror mirror = new InMemoryMirror(source, contexts, streams);
        mirror.backfillAll();
        return mirror;
    }

    private void backfillAll() {
        ConnectorContext context = contexts.get();
        cursor = feed.start(context); // before reading: a change made meanwhile is applied after
        Instant now = context.clock().instant();
        records.clear();
        for (String stream : streams) {
            readAll(context, stream, null, now);
        }
        lastRead = now;
    }

    /** Catches up: the change feed's changes, then the objects created since the last sync. */
    void sync() {
        ConnectorContext context = contexts.get();
        ChangePage page;
        do {
            page = feed.read(context, new ChangeRequest(cursor, streams, PAGE));
            if (page.cursorExpired()) {
                backfillAll();
                return;
            }
            for (Change change : page.changes()) {
                apply(context, change);
            }
            cursor = page.nextCursor();
        } while (page.hasMore());
        Instant now = context.clock().instant();
        CreatedWindow recent = new CreatedWindow(lastRead.minus(LOOKBACK), now.plusSeconds(1));
        for (String stream : streams) {
            readAll(context, stream, recent, now);
        }
        lastRead = now;
    }

    private void readAll(ConnectorContext context, String stream, CreatedWindow window, Instant now) {
        String next = null;
        do {
            StreamPage page = source.read(context, new StreamReadRequest(stream, next, window, PAGE));
            page.records().forEach(record -> hold(stream, record, now));
            next = page.nextCursor();
        } while (next != null);
    }

    private void apply(ConnectorContext context, Change change) {
        Held held = stream(change.stream()).get(change.objectId());
        if (held != null && change.versionAt().isBefore(held.versionAt())) {
            return; // late: the mirror holds a newer state
        }
        changesApplied++;
        if (change.deleted()) {
            stream(change.stream()).put(change.objectId(), new Held(null, change.versionAt()));
        } else if (change.needsRead()) {
            objectReads++;
            Instant now = context.clock().instant();
            Optional<ObjectNode> read = feed.readObject(context, change.stream(), change.objectId());
            stream(change.stream()).put(change.objectId(), new Held(read.orElse(null), now));
        } else {
            stream(change.stream()).put(change.objectId(), new Held(change.object(), change.versionAt()));
        }
    }

    private void hold(String stream, ObjectNode record, Instant versionAt) {
        stream(stream).put(record.get("id").asText(), new Held(record.deepCopy(), versionAt));
    }

    private Map<String, Held> stream(String stream) {
        if (!streams.contains(stream)) {
            throw new IllegalArgumentException("The mirror does not hold " + stream);
        }
        return records.computeIfAbsent(stream, name -> new HashMap<>());
    }

    /** Replaces a record as if the mirror held it so: for cases the feed does not produce. */
    void replace(String stream, ObjectNode record) {
        hold(stream, record, contexts.get().clock().instant());
    }

    /** The live records of a stream, newest first, as copies. */
    List<ObjectNode> records(String stream) {
        List<ObjectNode> live = new ArrayList<>();
        stream(stream).values().stream().map(Held::object).filter(Objects::nonNull).forEach(object -> live.add(object.deepCopy()));
        live.sort(NEWEST_FIRST);
        return live;
    }

    /** How many changes asked for a read of their object. */
    long objectReads() {
        return objectReads;
    }

    long changesApplied() {
        return changesApplied;
    }

    /**
     * A reader limited to the streams a query named, as the host gives one: naming another stream
     * is the connector's bug.
     */
    MirrorReader readerFor(Set<String> allowed) {
        Set<String> named = new LinkedHashSet<>(allowed);
        return new MirrorReader() {
            @Override
            public void forEach(String stream, CreatedWindow window, Consumer<ObjectNode> action) {
                for (ObjectNode record : records(allowed(stream))) {
                    if (window == null || created(record).map(seconds -> window.contains(Instant.ofEpochSecond(seconds))).orElse(false)) {
                        action.accept(record);
                    }
                }
            }

            @Override
            public List<ObjectNode> newest(String stream, int limit) {
                List<ObjectNode> all = records(allowed(stream));
                return List.copyOf(all.subList(0, Math.min(Math.max(0, limit), all.size())));
            }

            @Override
            public Optional<ObjectNode> find(String stream, String id) {
                Held held = stream(allowed(stream)).get(id);
                return held == null || held.object() == null ? Optional.empty() : Optional.of(held.object().deepCopy());
            }

            private String allowed(String stream) {
                if (!named.contains(stream)) {
                    throw new IllegalArgumentException("The query did not name the stream '" + stream + "'");
                }
                return stream;
            }
        };
    }

    private static Optional<Long> created(JsonNode record) {
        JsonNode created = record.path("created");
        return created.isIntegralNumber() ? Optional.of(created.longValue()) : Optional.empty();
    }
}
