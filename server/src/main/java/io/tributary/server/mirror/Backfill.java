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
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Copies a stream into the mirror: plans creation-time windows once (when the stream can be
 * filtered by creation time; else one window for the whole stream), then reads the windows in
 * parallel, page by page. Each page's objects and the window's new cursor commit together, so a
 * backfill that is interrupted resumes from its last committed page: nothing lost, nothing read
 * twice into duplicates.
 *
 * <p>Accounts are lopsided in time (most objects are recent), so a plan of equal windows would
 * leave readers idle while one window holds most of the work. A window with more to read is
 * therefore split when fewer windows wait than there are readers: the unread part of its range
 * (older than the last object read, as lists run newest first) is halved, the window keeps the
 * newer half with its cursor and a new window takes the older half. The split commits with the
 * page, so it survives a restart too.
 */
public final class Backfill {

    /** The window of a stream read whole: no creation-time filter. */
    static final Instant WHOLE_STREAM = Instant.parse("0001-01-01T00:00:00Z");

    /** A window's progress, as stored. */
    record Window(Instant from, Instant until, String cursor, Instant reached) {
        CreatedWindow filter() {
            return from.equals(WHOLE_STREAM) ? null : new CreatedWindow(from, until);
        }

        boolean splittable() {
            return !from.equals(WHOLE_STREAM) && cursor != null && reached != null
                    && reached.getEpochSecond() - from.getEpochSecond() >= 2;
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

    /** Plans the windows of a stream's backfill up to now, unless one is already planned (then it resumes). */
    public void plan(String dataSourceId, StreamDescriptor stream, Instant startDate, int windows) {
        plan(dataSourceId, stream, startDate, clock.instant(), windows);
    }

    /**
     * Plans the windows of a stream's backfill, unless one is already planned (then it resumes).
     *
     * @param startDate only objects created on or after it
     * @param until the backfill's "now": objects created later are the incremental sync's
     */
    public void plan(String dataSourceId, StreamDescriptor stream, Instant startDate, Instant until, int windows) {
        jdbi.useTransaction(handle -> {
            if (planned(handle, dataSourceId, stream.name())) {
                return;
            }
            List<CreatedWindow> plan = stream.createdFilter() ? BackfillPlan.windows(startDate, until, windows)
                    : List.of(new CreatedWindow(WHOLE_STREAM, until));
            for (CreatedWindow window : plan) {
                insertWindow(handle, dataSourceId, stream.name(), window.from(), window.until());
            }
        });
    }

    /** Whether a backfill of the stream is planned and not yet cleared. */
    public boolean planned(Handle handle, String dataSourceId, String stream) {
        return handle.createQuery("SELECT count(*) FROM dataset_window WHERE data_source_id = :s AND stream = :t")
                .bind("s", dataSourceId).bind("t", stream).mapTo(Integer.class).one() > 0;
    }

    /** Forgets a stream's windows: after a finished backfill, or before a fresh one. */
    public void clear(Handle handle, String dataSourceId, String stream) {
        handle.createUpdate("DELETE FROM dataset_window WHERE data_source_id = :s AND stream = :t")
                .bind("s", dataSourceId).bind("t", stream).execute();
    }

    /** How far a stream's backfill has come. */
    public BackfillProgress progress(String dataSourceId, String stream) {
        return jdbi.withHandle(handle -> BackfillProgress.estimate(handle.createQuery(
                        "SELECT window_from, window_until, cursor, done, objects, reached FROM dataset_window "
                                + "WHERE data_source_id = :s AND stream = :t")
                .bind("s", dataSourceId).bind("t", stream)
                .map((rs, ctx) -> new BackfillProgress.WindowState(rs.getTimestamp("window_from").toInstant(),
                        rs.getTimestamp("window_until").toInstant(), rs.getBoolean("done"), rs.getLong("objects"),
                        rs.getTimestamp("reached") == null ? null : rs.getTimestamp("reached").toInstant()))
                .list()));
    }

    /**
     * Reads every unfinished window, {@code parallelism} pages at a time, through one connector
     * context (so one decryption for the whole backfill). Stops after the pages in flight when the
     * calling thread is interrupted; what was read stays committed.
     *
     * @return whether the backfill is complete (false when it was interrupted)
     */
    public boolean run(String dataSourceId, StreamDescriptor stream, Connector connector, ConnectorContext context, int parallelism)
            throws InterruptedException {
        BlockingDeque<Window> waiting = new LinkedBlockingDeque<>(openWindows(dataSourceId, stream.name()));
        if (waiting.isEmpty()) {
            return true;
        }
        AtomicInteger reading = new AtomicInteger();
        int readers = Math.max(1, parallelism);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                running.add(pool.submit(() -> {
                    readPages(dataSourceId, stream, connector, context, waiting, reading, readers);
                    return null;
                }));
            }
            for (Future<?> reader : running) {
                get(reader);
            }
            return openWindows(dataSourceId, stream.name()).isEmpty();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES); // let pages in flight commit
            Thread.currentThread().interrupt();
            return false;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One reader: takes a window, reads one page of it, puts it back while it has more. */
    private void readPages(String dataSourceId, StreamDescriptor stream, Connector connector, ConnectorContext context,
                           BlockingDeque<Window> waiting, AtomicInteger reading, int readers) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            Window window;
            synchronized (reading) {
                window = waiting.pollFirst();
                if (window == null && reading.get() == 0) {
                    return; // nothing waits and nobody reads who could put a window back
                }
                if (window != null) {
                    reading.incrementAndGet();
                }
            }
            if (window == null) {
                Thread.sleep(5);
                continue;
            }
            try {
                Window next = readPage(dataSourceId, stream, connector, context, window, waiting.size() < readers - 1);
                if (next != null) {
                    if (next.from().equals(window.from())) {
                        waiting.addLast(next);
                    } else {
                        waiting.addLast(next);
                        waiting.addLast(new Window(window.from(), next.from(), null, null));
                    }
                }
            } finally {
                reading.decrementAndGet();
            }
        }
    }

    /**
     * Reads and commits one page of a window.
     *
     * @param split whether to split the window's unread range if it has more
     * @return the window to continue with (narrowed to the newer half when split; the older half is
     *     the range from the given window's start to this one's), or null when the window is done
     */
    private Window readPage(String dataSourceId, StreamDescriptor stream, Connector connector, ConnectorContext context,
                            Window window, boolean split) {
        Instant readAt = clock.instant();
        StreamPage page = connector.readStream(context, new StreamReadRequest(stream.name(), window.cursor(), window.filter(), pageSize));
        List<MirroredObject> objects = new ArrayList<>();
        Instant oldest = window.reached();
        for (ObjectNode record : page.records()) {
            Instant created = createdAt(record, stream);
            objects.add(new MirroredObject(stream.name(), record.get(stream.primaryKey()).asText(), created, readAt, false, record));
            if (created != null && (oldest == null || created.isBefore(oldest))) {
                oldest = created;
            }
        }
        Instant reached = oldest;
        Window next = page.nextCursor() == null ? null : new Window(window.from(), window.until(), page.nextCursor(), reached);
        Window narrowed = next != null && split && next.splittable()
                ? new Window(Instant.ofEpochSecond(next.from().getEpochSecond()
                        + (next.reached().getEpochSecond() - next.from().getEpochSecond()) / 2), next.until(), next.cursor(), reached)
                : next;
        jdbi.useTransaction(handle -> {
            store.write(handle, dataSourceId, objects);
            handle.createUpdate("UPDATE dataset_window SET window_from = :newFrom, cursor = :c, done = :done, objects = objects + :n, "
                            + "reached = :reached WHERE data_source_id = :s AND stream = :t AND window_from = :f")
                    .bind("newFrom", Timestamp.from(narrowed == null ? window.from() : narrowed.from()))
                    .bind("c", page.nextCursor()).bind("done", next == null).bind("n", objects.size())
                    .bind("reached", reached == null ? null : Timestamp.from(reached))
                    .bind("s", dataSourceId).bind("t", stream.name()).bind("f", Timestamp.from(window.from())).execute();
            if (narrowed != null && !narrowed.from().equals(window.from())) {
                insertWindow(handle, dataSourceId, stream.name(), window.from(), narrowed.from());
            }
        });
        return narrowed;
    }

    private List<Window> openWindows(String dataSourceId, String stream) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT window_from, window_until, cursor, reached FROM dataset_window "
                                + "WHERE data_source_id = :s AND stream = :t AND NOT done ORDER BY window_from DESC")
                .bind("s", dataSourceId).bind("t", stream)
                .map((rs, ctx) -> new Window(rs.getTimestamp("window_from").toInstant(), rs.getTimestamp("window_until").toInstant(),
                        rs.getString("cursor"), rs.getTimestamp("reached") == null ? null : rs.getTimestamp("reached").toInstant()))
                .list());
    }

    private static void insertWindow(Handle handle, String dataSourceId, String stream, Instant from, Instant until) {
        handle.createUpdate("INSERT INTO dataset_window (data_source_id, stream, window_from, window_until) VALUES (:s, :t, :f, :u)")
                .bind("s", dataSourceId).bind("t", stream).bind("f", Timestamp.from(from)).bind("u", Timestamp.from(until)).execute();
    }

    private static Instant createdAt(JsonNode record, StreamDescriptor stream) {
        JsonNode created = record.get(stream.cursorField());
        return created != null && created.isIntegralNumber() ? Instant.ofEpochSecond(created.asLong()) : null;
    }

    private static void get(Future<?> reader) throws InterruptedException {
        try {
            reader.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
