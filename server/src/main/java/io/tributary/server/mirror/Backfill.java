package io.tributary.server.mirror;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import io.tributary.server.db.DatasetWindowDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
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
 * therefore split when readers are idle: the unread part of its range (older than the last
 * object read, as lists run newest first) is cut into as many parts as there are idle readers
 * (and itself), the parts growing toward the past, because recent time holds more objects. The
 * window keeps the newest part with its cursor and new windows take the others. The split commits
 * with the page, so it survives a restart too.
 */
public final class Backfill {

    /** The window of a stream read whole: no creation-time filter. */
    static final Instant WHOLE_STREAM = Instant.parse("0001-01-01T00:00:00Z");

    /** What a run over several streams did. */
    public record Outcome(Set<String> complete, Map<String, RuntimeException> failed, boolean interrupted) {
    }

    /** A window's progress, as stored, and the stream it belongs to. */
    record Window(StreamDescriptor stream, Instant from, Instant until, String cursor, Instant reached) {
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
            DatasetWindowDao stored = handle.attach(DatasetWindowDao.class);
            for (CreatedWindow window : plan) {
                stored.insert(dataSourceId, stream.name(), window.from(), window.until());
            }
        });
    }

    /** Whether a backfill of the stream is planned and not yet cleared. */
    public boolean planned(Handle handle, String dataSourceId, String stream) {
        return handle.attach(DatasetWindowDao.class).count(dataSourceId, stream) > 0;
    }

    /** Forgets a stream's windows: after a finished backfill, or before a fresh one. */
    public void clear(Handle handle, String dataSourceId, String stream) {
        handle.attach(DatasetWindowDao.class).clear(dataSourceId, stream);
    }

    /** How far a stream's backfill has come. */
    public BackfillProgress progress(String dataSourceId, String stream) {
        return BackfillProgress.estimate(jdbi.withExtension(DatasetWindowDao.class, windows -> windows.list(dataSourceId, stream)).stream()
                .map(row -> new BackfillProgress.WindowState(row.windowFrom(), row.windowUntil(), row.done(), row.objects(), row.reached()))
                .toList());
    }

    /**
     * Reads every unfinished window of one stream; see {@link #run(String, List, Connector, ConnectorContext, int)}.
     *
     * @return whether the backfill is complete (false when it was interrupted)
     * @throws RuntimeException the stream's failure, after the other windows were read
     */
    public boolean run(String dataSourceId, StreamDescriptor stream, Streams connector, ConnectorContext context, int parallelism)
            throws InterruptedException {
        Outcome outcome = run(dataSourceId, List.of(stream), connector, context, parallelism);
        if (outcome.failed().containsKey(stream.name())) {
            throw outcome.failed().get(stream.name());
        }
        return outcome.complete().contains(stream.name());
    }

    /**
     * Reads every unfinished window of several streams with one set of {@code parallelism}
     * readers, so the readers a finished stream no longer needs serve the others, all through one
     * connector context (one decryption). A stream that fails stops (its windows stay for the
     * next run) and the others go on. Stops after the pages in flight when the calling thread is
     * interrupted; what was read stays committed.
     */
    public Outcome run(String dataSourceId, List<StreamDescriptor> streams, Streams connector, ConnectorContext context,
                       int parallelism) throws InterruptedException {
        return run(dataSourceId, streams, connector, context, parallelism, null, Map.of());
    }

    /**
     * Like {@link #run(String, List, Connector, ConnectorContext, int)}, for at most {@code slice}:
     * after it, readers take no new page and the run returns with what is left still planned (a
     * scheduler thread is not held for hours by one large account while other work waits).
     *
     * @param slice how long to read; null for as long as it takes
     * @param reads each stream's full read id (its start), recorded on every object the read sees
     *     so that {@link MirrorStore#sweepUnseen} can tell which it did not; streams left out are
     *     not recorded
     */
    public Outcome run(String dataSourceId, List<StreamDescriptor> streams, Streams connector, ConnectorContext context,
                       int parallelism, Duration slice, Map<String, Instant> reads) throws InterruptedException {
        long deadline = slice == null ? Long.MAX_VALUE : System.nanoTime() + slice.toNanos();
        BlockingDeque<Window> waiting = new LinkedBlockingDeque<>();
        for (StreamDescriptor stream : streams) {
            waiting.addAll(openWindows(dataSourceId, stream));
        }
        Map<String, RuntimeException> failed = new ConcurrentHashMap<>();
        AtomicInteger reading = new AtomicInteger();
        int readers = Math.max(1, Math.min(parallelism, Math.max(1, waiting.size() * MAX_SPLIT)));
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                running.add(pool.submit(() -> {
                    readPages(dataSourceId, connector, context, waiting, reading, readers, failed, deadline, reads);
                    return null;
                }));
            }
            for (Future<?> reader : running) {
                get(reader);
            }
            return new Outcome(complete(dataSourceId, streams, failed), Map.copyOf(failed), false);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES); // let pages in flight commit
            Thread.currentThread().interrupt();
            return new Outcome(Set.of(), Map.copyOf(failed), true);
        } finally {
            pool.shutdownNow();
        }
    }

    private Set<String> complete(String dataSourceId, List<StreamDescriptor> streams, Map<String, RuntimeException> failed) {
        Set<String> complete = new HashSet<>();
        for (StreamDescriptor stream : streams) {
            if (!failed.containsKey(stream.name()) && openWindows(dataSourceId, stream).isEmpty()) {
                complete.add(stream.name());
            }
        }
        return complete;
    }

    /** The most windows one page's split makes: enough to feed idle readers quickly, few enough to stay cheap. */
    static final int MAX_SPLIT = 8;

    /**
     * One reader: takes a window, reads one page of it, puts it back while it has more (split
     * for the readers that are idle). Readers with nothing to take wait for a window to come back,
     * and all stop when nothing waits and nobody reads.
     */
    private void readPages(String dataSourceId, Streams connector, ConnectorContext context, BlockingDeque<Window> waiting,
                           AtomicInteger reading, int readers, Map<String, RuntimeException> failed, long deadline,
                           Map<String, Instant> reads) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
            Window window;
            int idle;
            synchronized (reading) {
                window = waiting.pollFirst();
                while (window == null) {
                    if (reading.get() == 0 || System.nanoTime() >= deadline) {
                        reading.notifyAll();
                        return; // nothing waits and nobody reads who could put a window back
                    }
                    reading.wait(100);
                    window = waiting.pollFirst();
                }
                reading.incrementAndGet();
                idle = readers - reading.get() - waiting.size();
            }
            try {
                if (failed.containsKey(window.stream().name())) {
                    continue; // its stream failed: the window stays stored for the next run
                }
                List<Window> next = readPage(dataSourceId, connector, context, window, Math.min(MAX_SPLIT, idle + 1),
                        reads.get(window.stream().name()));
                synchronized (reading) {
                    next.forEach(waiting::addLast);
                }
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // the run is stopping: not the stream's failure
                }
                failed.putIfAbsent(window.stream().name(), e);
            } finally {
                synchronized (reading) {
                    reading.decrementAndGet();
                    reading.notifyAll();
                }
            }
        }
    }

    /**
     * Reads and commits one page of a window.
     *
     * @param parts into how many windows to split the window's unread range if it has more (1: no split)
     * @return the windows to continue with: none when the window is done; else the window itself
     *     (narrowed to the newest part when split) and the older parts as new windows
     */
    private List<Window> readPage(String dataSourceId, Streams connector, ConnectorContext context, Window window, int parts,
                                  Instant read) {
        StreamDescriptor stream = window.stream();
        Instant readAt = clock.instant();
        StreamPage page = connector.read(context, new StreamReadRequest(stream.name(), window.cursor(), window.filter(), pageSize));
        List<MirroredObject> objects = new ArrayList<>();
        Instant oldest = window.reached();
        for (ObjectNode record : page.records()) {
            MirroredObject object = MirroredObject.of(stream, record, readAt, false);
            objects.add(object);
            Instant created = object.createdAt();
            if (created != null && (oldest == null || created.isBefore(oldest))) {
                oldest = created;
            }
        }
        Instant reached = oldest;
        Window next = page.nextCursor() == null ? null : new Window(stream, window.from(), window.until(), page.nextCursor(), reached);
        List<Instant> cuts = next != null && next.splittable() && parts > 1 ? BackfillPlan.cuts(next.from(), next.reached(), parts) : List.of();
        Instant keptFrom = cuts.isEmpty() ? window.from() : cuts.get(cuts.size() - 1);
        List<Window> continued = new ArrayList<>();
        if (next != null) {
            continued.add(new Window(stream, keptFrom, next.until(), next.cursor(), reached));
            Instant partFrom = window.from();
            for (Instant cut : cuts) {
                continued.add(new Window(stream, partFrom, cut, null, null));
                partFrom = cut;
            }
        }
        jdbi.useTransaction(handle -> {
            store.write(handle, dataSourceId, objects, read);
            DatasetWindowDao windows = handle.attach(DatasetWindowDao.class);
            windows.recordPage(dataSourceId, stream.name(), window.from(), keptFrom, page.nextCursor(), next == null, objects.size(), reached);
            for (Window part : continued.subList(Math.min(1, continued.size()), continued.size())) {
                windows.insert(dataSourceId, stream.name(), part.from(), part.until());
            }
        });
        return continued;
    }

    private List<Window> openWindows(String dataSourceId, StreamDescriptor stream) {
        return jdbi.withExtension(DatasetWindowDao.class, windows -> windows.open(dataSourceId, stream.name())).stream()
                .map(row -> new Window(stream, row.windowFrom(), row.windowUntil(), row.cursor(), row.reached()))
                .toList();
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
