package io.tributary.server.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;

/**
 * Copies a stream into the mirror: plans creation-time windows once (when the stream can be
 * filtered by creation time; else one window for the whole stream), then reads the windows in
 * parallel, page by page. Each page's objects and the window's new cursor commit together, so a
 * backfill that is interrupted resumes from its last committed page: nothing lost, nothing read
 * twice into duplicates.
 */
public final class Backfill {

    /** The window of a stream read whole: no creation-time filter. */
    static final Instant WHOLE_STREAM = Instant.parse("0001-01-01T00:00:00Z");

    /** A window's progress, as stored. */
    record Window(Instant from, Instant until, String cursor) {
        CreatedWindow filter() {
            return from.equals(WHOLE_STREAM) ? null : new CreatedWindow(from, until);
        }
    }

    private final Jdbi jdbi;
    private final MirrorStore store;
    private final Clock clock;
    private final int pageSize;

    public Backfill(Jdbi jdbi, MirrorStore store, Clock clock, int pageSize) {
        this.jdbi = jdbi;
        this.store = store;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** Plans the windows of a stream's backfill, unless one is already planned (then it resumes). */
    public void plan(String dataSourceId, StreamDescriptor stream, Instant startDate, int windows) {
        jdbi.useTransaction(handle -> {
            int planned = handle.createQuery("SELECT count(*) FROM dataset_window WHERE data_source_id = :s AND stream = :t")
                    .bind("s", dataSourceId).bind("t", stream.name()).mapTo(Integer.class).one();
            if (planned > 0) {
                return;
            }
            List<CreatedWindow> plan = stream.createdFilter() ? BackfillPlan.windows(startDate, clock.instant(), windows)
                    : List.of(new CreatedWindow(WHOLE_STREAM, clock.instant()));
            for (CreatedWindow window : plan) {
                handle.createUpdate("INSERT INTO dataset_window (data_source_id, stream, window_from, window_until) VALUES (:s, :t, :f, :u)")
                        .bind("s", dataSourceId).bind("t", stream.name()).bind("f", Timestamp.from(window.from()))
                        .bind("u", Timestamp.from(window.until())).execute();
            }
        });
    }

    /**
     * Reads every unfinished window, {@code parallelism} at a time, through one connector context
     * (so one decryption for the whole backfill).
     *
     * @return the objects written
     */
    public long run(String dataSourceId, StreamDescriptor stream, Connector connector, ConnectorContext context, int parallelism)
            throws InterruptedException {
        List<Window> open = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT window_from, window_until, cursor FROM dataset_window WHERE data_source_id = :s AND stream = :t AND NOT done "
                                + "ORDER BY window_from")
                .bind("s", dataSourceId).bind("t", stream.name())
                .map((rs, ctx) -> new Window(rs.getTimestamp("window_from").toInstant(), rs.getTimestamp("window_until").toInstant(),
                        rs.getString("cursor")))
                .list());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, open.size())));
        try {
            List<Future<Long>> readers = new ArrayList<>();
            for (Window window : open) {
                readers.add(pool.submit(() -> readWindow(dataSourceId, stream, connector, context, window)));
            }
            long written = 0;
            for (Future<Long> reader : readers) {
                written += get(reader);
            }
            return written;
        } finally {
            pool.shutdownNow();
        }
    }

    private long readWindow(String dataSourceId, StreamDescriptor stream, Connector connector, ConnectorContext context, Window window) {
        String cursor = window.cursor();
        long written = 0;
        do {
            Instant readAt = clock.instant();
            StreamPage page = connector.readStream(context, new StreamReadRequest(stream.name(), cursor, window.filter(), pageSize));
            List<MirroredObject> objects = new ArrayList<>();
            for (ObjectNode record : page.records()) {
                objects.add(new MirroredObject(stream.name(), record.get(stream.primaryKey()).asText(), createdAt(record, stream),
                        readAt, false, record));
            }
            String next = page.nextCursor();
            written += commitPage(dataSourceId, stream.name(), window, objects, next);
            cursor = next;
        } while (cursor != null);
        return written;
    }

    /** Writes a page's objects and moves the window's cursor, in one transaction. */
    private long commitPage(String dataSourceId, String stream, Window window, List<MirroredObject> objects, String next) {
        return jdbi.inTransaction(handle -> {
            int changed = store.write(handle, dataSourceId, objects);
            handle.createUpdate("UPDATE dataset_window SET cursor = :c, done = :done, objects = objects + :n "
                            + "WHERE data_source_id = :s AND stream = :t AND window_from = :f")
                    .bind("c", next).bind("done", next == null).bind("n", objects.size())
                    .bind("s", dataSourceId).bind("t", stream).bind("f", Timestamp.from(window.from())).execute();
            return (long) changed;
        });
    }

    private static Instant createdAt(JsonNode record, StreamDescriptor stream) {
        JsonNode created = record.get(stream.cursorField());
        return created != null && created.canConvertToLong() ? Instant.ofEpochSecond(created.asLong()) : null;
    }

    private static long get(Future<Long> reader) throws InterruptedException {
        try {
            return reader.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
