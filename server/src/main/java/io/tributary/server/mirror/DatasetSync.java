package io.tributary.server.mirror;

import static io.tributary.server.db.StreamState.BACKFILLING;
import static io.tributary.server.db.StreamState.FAILED;
import static io.tributary.server.db.StreamState.SYNCED;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import io.tributary.server.config.MirrorConfig;
import io.tributary.server.db.DataSourceDao;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.db.DatasetStreamDao;
import io.tributary.server.db.DatasetStreamRow;
import io.tributary.server.db.StreamChoiceDao;
import io.tributary.server.db.StreamChoiceRow;
import io.tributary.server.db.StreamState;
import io.tributary.server.sources.ConnectorFailures;
import io.tributary.server.sources.CredentialsUnreadable;
import io.tributary.server.sources.SourceOperation;
import io.tributary.server.sources.SourceOperations;
import io.tributary.server.sources.SourceStreams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a data source's mirror current, one sync at a time per source (the scheduler sees to
 * that). A sync:
 * <ol>
 *   <li>makes sure the change feed has a position before any backfill starts, so changes made
 *       while a backfill runs are applied after it;</li>
 *   <li>applies the feed's changes to the incremental streams; a cursor older than the feed's
 *       history sends those streams back to a full read, and says so on each;</li>
 *   <li>reads each due stream: a full read (backfill) for a stream not yet backfilled or in
 *       {@code full_refresh} mode, after which the objects it did not see are marked deleted; for a
 *       backfilled incremental stream, the objects created since the last sync plus the lookback
 *       window, which catches changes no change reported.</li>
 * </ol>
 * A stream's failure (a permission taken away, a 404) is recorded on that stream, and the others
 * go on.
 */
public final class DatasetSync {

    /** What a sync did. */
    /**
     * What a sync did.
     *
     * @param paused whether a full read used up its slice with more to read: the caller should sync again soon
     */
    public record Outcome(int streamsSynced, int streamsFailed, boolean interrupted, boolean skipped, boolean paused) {
        static Outcome skippedOutcome() {
            return new Outcome(0, 0, false, true, false);
        }
    }

    /** Where a full read starts when the stream has no start date: before any provider's data. */
    static final Instant BEGINNING = Instant.EPOCH;
    /**
     * A failed stream tries again after this, or after its cadence if that is sooner; a retryable
     * failure (a rate limit, an outage) after the wait the connector asked for, if that is sooner still.
     */
    static final Duration RETRY_AFTER = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(DatasetSync.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Jdbi jdbi;
    private final SourceOperations operations;
    private final MirrorStore store;
    private final Backfill backfill;
    private final ChangeApplier changes;
    private final PushedStreams pushedStreams;
    private final SourceStreams sourceStreams;
    private final MirrorConfig config;
    private final Clock clock;

    public DatasetSync(Jdbi jdbi, SourceOperations operations, MirrorConfig config) {
        this.jdbi = jdbi;
        this.operations = operations;
        this.config = config;
        this.clock = operations.contexts().clock();
        this.store = new MirrorStore(jdbi, clock);
        this.backfill = new Backfill(jdbi, store, clock, config.pageSize());
        this.changes = new ChangeApplier(jdbi, store, clock);
        this.pushedStreams = new PushedStreams(store);
        this.sourceStreams = new SourceStreams(jdbi);
    }

    public SourceStreams sourceStreams() {
        return sourceStreams;
    }

    public PushedStreams pushedStreams() {
        return pushedStreams;
    }

    public Backfill backfill() {
        return backfill;
    }

    public MirrorStore store() {
        return store;
    }

    /**
     * Syncs the source's due streams.
     *
     * @param actor who asks, for the audit row of the one decryption
     * @param changesNow apply the change feed even if no stream is due (a webhook said something changed)
     */
    public Outcome sync(String dataSourceId, String actor, boolean changesNow) {
        Optional<DataSourceRow> found = jdbi.withExtension(DataSourceDao.class, sources -> sources.findAnyWorkspace(dataSourceId));
        if (found.isEmpty() || found.get().inError()) {
            return Outcome.skippedOutcome();
        }
        DataSourceRow source = found.get();
        // Nothing is decrypted until a stream is read: a sync with nothing due opens no credentials.
        SourceOperation operation = operations.start(source, actor).orElse(null);
        if (operation == null) {
            return Outcome.skippedOutcome();
        }
        Optional<SourceSyncLock> lock = SourceSyncLock.tryAcquire(jdbi, source.id());
        if (lock.isEmpty()) {
            return Outcome.skippedOutcome(); // another node is syncing this source; the due check comes back
        }
        try (SourceSyncLock held = lock.get()) {
            // Read under the lock: no other sync changes the rows until it is released.
            List<DatasetStreamRow> all = jdbi.withExtension(DatasetStreamDao.class, dao -> dao.list(dataSourceId));
            Instant now = clock.instant();
            int retained = applyDueRetention(operation, all, now);
            // Pushed streams are never read: what is left is what the connector reads.
            List<DatasetStreamRow> streams = all.stream().filter(row -> !PushedStreams.isPushed(operation.connector(), row.stream())).toList();
            boolean due = streams.stream().anyMatch(stream -> !stream.nextSyncAt().isAfter(now));
            boolean following = changesNow && streams.stream().anyMatch(stream -> stream.incremental() && stream.backfilled());
            if (!due && !following) {
                return retained == 0 ? Outcome.skippedOutcome() : new Outcome(retained, 0, false, false, false);
            }
            Outcome read = new Run(operation).sync(streams);
            return new Outcome(read.streamsSynced() + retained, read.streamsFailed(), read.interrupted(), read.skipped(), read.paused());
        }
    }

    /** Applies the retention of the source's due pushed streams; returns how many. */
    private int applyDueRetention(SourceOperation operation, List<DatasetStreamRow> rows, Instant now) {
        int applied = 0;
        for (DatasetStreamRow row : rows) {
            Optional<StreamDescriptor> pushed = operation.connector().stream(row.stream()).filter(StreamDescriptor::pushed);
            if (pushed.isPresent() && !row.nextSyncAt().isAfter(now)) {
                jdbi.useTransaction(handle -> pushedStreams.applyRetention(handle, row, pushed.get(), now));
                applied++;
            }
        }
        return applied;
    }

    /**
     * Brings the given streams of a source up to now, for answering a query from them: applies the
     * change feed and reads the objects created since the last sync (no lookback: that is the
     * scheduled sync's safety net). Cheap on purpose: a request for the feed and one per stream.
     *
     * @param applyFeed whether to apply the change feed (false when the caller applied it moments ago)
     * @return whether every stream is mirrored, backfilled and without errors, and now current
     */
    public boolean catchUp(SourceOperation operation, Set<String> streams, boolean applyFeed) {
        DataSourceRow source = operation.source();
        // A pushed stream is current as soon as a delivery is accepted: nothing to catch up.
        Set<String> pulled = streams.stream().filter(name -> !PushedStreams.isPushed(operation.connector(), name)).collect(Collectors.toSet());
        if (pulled.isEmpty()) {
            return true;
        }
        streams = pulled;
        List<DatasetStreamRow> rows = jdbi.withExtension(DatasetStreamDao.class, dao -> dao.list(source.id()));
        if (!streams.stream().allMatch(name -> rows.stream().anyMatch(row -> row.stream().equals(name) && current(row)))
                || jdbi.withExtension(DatasetStreamDao.class, dao -> dao.feedCursor(source.id())).isEmpty()) {
            return false;
        }
        Run run = new Run(operation);
        List<DatasetStreamRow> after = applyFeed ? run.applyFeed(rows) : rows;
        for (DatasetStreamRow row : after) {
            if (!streams.contains(row.stream())) {
                continue;
            }
            if (!current(row)) {
                return false; // the feed's cursor had expired: the stream waits for a fresh backfill
            }
            StreamDescriptor descriptor = sourceStreams.find(source.id(), operation.connector(), row.stream()).orElse(null);
            if (descriptor == null || !run.readNew(row, descriptor)) {
                return false;
            }
        }
        return true;
    }

    private static boolean current(DatasetStreamRow row) {
        return row.incremental() && row.backfilled() && row.state() == SYNCED && row.lastErrorCode() == null;
    }

    /** One sync of one source. */
    private final class Run {
        private final DataSourceRow source;
        private final InstalledConnector connector;
        private final ConnectorContext context;
        /** The connector's streams, each read carrying the key a person chose for its stream. */
        private final Streams streams;

        Run(SourceOperation operation) {
            this.source = operation.source();
            this.connector = operation.connector();
            this.context = operation.context();
            Map<String, List<String>> keys = new LinkedHashMap<>();
            jdbi.withExtension(StreamChoiceDao.class, dao -> dao.list(source.id())).stream().filter(choice -> !choice.key().isEmpty())
                    .forEach(choice -> keys.put(choice.stream(), choice.key()));
            this.streams = new KeyedReads(streamsOf(connector), keys);
        }

        Outcome sync(List<DatasetStreamRow> selected) {
            Map<String, StreamChoiceRow> chosen = new LinkedHashMap<>();
            jdbi.withExtension(StreamChoiceDao.class, dao -> dao.list(source.id()))
                    .forEach(row -> {
                        if (row.cursorField() != null) {
                            chosen.put(row.stream(), row);
                        }
                    });
            // Streams read by a chosen cursor follow no feed and no creation windows: they are read apart.
            List<DatasetStreamRow> streams = new ArrayList<>(selected.stream().filter(row -> !chosen.containsKey(row.stream())).toList());
            Tally tally = new Tally();
            for (DatasetStreamRow stream : selected) {
                if (!chosen.containsKey(stream.stream()) || stream.nextSyncAt().isAfter(clock.instant())) {
                    continue;
                }
                if (Thread.currentThread().isInterrupted()) {
                    return tally.outcome(true);
                }
                try {
                    if (!readByCursor(stream, descriptor(stream), chosen.get(stream.stream()))) {
                        return tally.outcome(true);
                    }
                    tally.synced++;
                } catch (RuntimeException e) {
                    if (fail(selected, stream, e, tally)) {
                        return tally.outcome(false);
                    }
                }
            }
            try {
                streams = applyFeed(streams);
            } catch (ConnectorException | CredentialsUnreadable e) {
                if (stopSource(streams, e)) {
                    return new Outcome(0, streams.size(), false, false, false);
                }
                // The feed failed: its streams show why; full reads still run.
                for (int i = 0; i < streams.size(); i++) {
                    if (streams.get(i).incremental() && streams.get(i).backfilled()) {
                        streams.set(i, failed(streams.get(i), (ConnectorException) e)); // unreadable credentials stop the source
                    }
                }
            }
            List<DatasetStreamRow> due = streams.stream().filter(stream -> !stream.nextSyncAt().isAfter(clock.instant())).toList();
            // Incremental reads first: each is a request or two, and keeps its stream current while
            // the full reads (which can take hours on a large account) run after.
            for (DatasetStreamRow stream : due) {
                if (Thread.currentThread().isInterrupted()) {
                    return tally.outcome(true);
                }
                if (needsFullRead(stream)) {
                    continue;
                }
                try {
                    if (!readRecent(stream, descriptor(stream))) {
                        return tally.outcome(true);
                    }
                    tally.synced++;
                } catch (RuntimeException e) {
                    if (fail(streams, stream, e, tally)) {
                        return tally.outcome(false);
                    }
                }
            }
            List<DatasetStreamRow> fullReads = due.stream().filter(DatasetSync::needsFullRead).toList();
            if (!fullReads.isEmpty() && !fullReads(streams, fullReads, tally)) {
                return tally.outcome(true);
            }
            return tally.outcome(false);
        }

        /**
         * Reads streams in full with one set of readers shared by all of them, so a small stream
         * done early leaves its readers to the large ones.
         *
         * @return false when interrupted before the reads were over
         */
        private boolean fullReads(List<DatasetStreamRow> all, List<DatasetStreamRow> streams, Tally tally) {
            Map<String, DatasetStreamRow> reading = new LinkedHashMap<>();
            List<StreamDescriptor> descriptors = new ArrayList<>();
            for (DatasetStreamRow stream : streams) {
                try {
                    StreamDescriptor descriptor = descriptor(stream);
                    reading.put(stream.stream(), startFullRead(stream, descriptor));
                    descriptors.add(descriptor);
                } catch (RuntimeException e) {
                    if (fail(all, stream, e, tally)) {
                        return true;
                    }
                }
            }
            Backfill.Outcome outcome;
            try {
                Map<String, Instant> reads = new LinkedHashMap<>();
                reading.values().forEach(stream -> reads.put(stream.stream(), stream.backfillStartedAt()));
                outcome = backfill.run(source.id(), descriptors, this.streams, context, config.readers(),
                        Duration.ofSeconds(config.sliceSeconds()), reads);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            for (DatasetStreamRow stream : reading.values()) {
                RuntimeException failure = outcome.failed().get(stream.stream());
                if (failure != null) {
                    if (fail(all, stream, failure, tally)) {
                        return true;
                    }
                } else if (outcome.complete().contains(stream.stream())) {
                    finishFullRead(stream);
                    tally.synced++;
                } else if (!outcome.interrupted()) {
                    tally.paused = true; // its slice is used up: the rest waits for the next one
                }
            }
            return !outcome.interrupted();
        }

        /** Records a stream's failure; returns true when it stopped the whole source (its credentials no longer work). */
        private boolean fail(List<DatasetStreamRow> all, DatasetStreamRow stream, RuntimeException e, Tally tally) {
            tally.failed++;
            if (stopSource(all, e)) {
                return true;
            }
            if (e instanceof ConnectorException connectorFailure) {
                failed(stream, connectorFailure);
            } else {
                LOG.error("Syncing the stream {} of {} failed unexpectedly", stream.stream(), source.id(), e);
                save(errorRow(stream, "internal_error", "The sync failed unexpectedly; see the server log", null, Optional.empty()));
            }
            return false;
        }

        /**
         * Positions the feed (first time) or applies its changes. Returns the streams as they stand
         * after: an expired cursor puts the incremental streams back to a full read.
         */
        List<DatasetStreamRow> applyFeed(List<DatasetStreamRow> streams) {
            Set<String> incremental = new LinkedHashSet<>();
            streams.stream().filter(DatasetStreamRow::incremental).forEach(stream -> incremental.add(stream.stream()));
            Optional<ChangeFeed> feed = connector.changeFeed();
            if (incremental.isEmpty() || feed.isEmpty()) {
                return streams; // without a change feed, new objects and the lookback keep the streams current
            }
            Optional<String> cursor = jdbi.withExtension(DatasetStreamDao.class, dao -> dao.feedCursor(source.id()));
            if (cursor.isEmpty()) {
                String start = feed.get().start(context);
                jdbi.useExtension(DatasetStreamDao.class, dao -> dao.saveFeedCursor(source.id(), start, clock.instant()));
                return streams;
            }
            ChangeApplier.Outcome outcome = changes.apply(source.id(), connector, context, cursor.get(), incremental);
            if (!outcome.expired()) {
                return streams;
            }
            List<DatasetStreamRow> after = new ArrayList<>();
            for (DatasetStreamRow stream : streams) {
                if (!stream.incremental() || !stream.backfilled()) {
                    after.add(stream);
                    continue;
                }
                DatasetStreamRow again = inState(stream, BACKFILLING).withBackfill(null, stream.backfillFinishedAt())
                        .withNextSyncAt(clock.instant())
                        .withNotice("The last sync is older than the history of changes " + connector.descriptor().displayName()
                                + " keeps, so changes may have been missed: the stream is read again in full from its start date, "
                                + "and objects not seen again are marked deleted.");
                jdbi.useTransaction(handle -> backfill.clear(handle, source.id(), stream.stream()));
                after.add(save(again));
            }
            return after;
        }

        private StreamDescriptor descriptor(DatasetStreamRow stream) {
            return sourceStreams.find(source.id(), connector, stream.stream()).orElseThrow(() -> new ConnectorException(
                    io.tributary.connector.spi.StandardErrorCode.UNKNOWN_STREAM, "The connector no longer offers this stream"));
        }

        /** Plans a fresh full read, or picks up the one a stopped sync left planned. */
        private DatasetStreamRow startFullRead(DatasetStreamRow stream, StreamDescriptor descriptor) {
            boolean resuming = stream.state() == BACKFILLING && stream.backfillStartedAt() != null
                    && jdbi.withHandle(handle -> backfill.planned(handle, source.id(), stream.stream()));
            if (resuming) {
                return stream;
            }
            Instant start = clock.instant();
            DatasetStreamRow reading = save(inState(stream, BACKFILLING).withBackfill(start, stream.backfillFinishedAt()));
            jdbi.useTransaction(handle -> backfill.clear(handle, source.id(), stream.stream()));
            backfill.plan(source.id(), descriptor, stream.startDate() == null ? BEGINNING : stream.startDate(), start, config.windows());
            return reading;
        }

        /** Marks what the full read did not see as deleted, and the stream synced. */
        private void finishFullRead(DatasetStreamRow reading) {
            Instant read = reading.backfillStartedAt();
            Instant now = clock.instant();
            DatasetStreamRow done = inState(reading, SYNCED).withBackfill(read, now).withHighWater(read).withLastSyncAt(now)
                    .withNextSyncAt(nextSync(now));
            jdbi.useTransaction(handle -> {
                store.sweepUnseen(handle, source.id(), reading.stream(), read);
                backfill.clear(handle, source.id(), reading.stream());
                handle.attach(DatasetStreamDao.class).update(done);
            });
        }

        /**
         * Reads what grew past the greatest value of the chosen field read before, page by page; each
         * page and the value it reached are stored together, so an interrupted read resumes after
         * the last page stored.
         *
         * @return false when interrupted before the read was over
         */
        private boolean readByCursor(DatasetStreamRow stream, StreamDescriptor descriptor, StreamChoiceRow chosen) {
            Instant readAt = clock.instant();
            JsonNode after = chosen.afterValue() == null ? null : parse(chosen.afterValue());
            String page = null;
            do {
                StreamPage read = streams.read(context, new StreamReadRequest(descriptor.name(), page, null, config.pageSize(),
                        chosen.cursorField(), after, chosen.key()));
                List<MirroredObject> objects = new ArrayList<>();
                read.records().forEach(record -> objects.add(MirroredObject.of(descriptor, record, readAt, false)));
                if (!read.records().isEmpty()) {
                    JsonNode last = read.records().get(read.records().size() - 1).get(chosen.cursorField());
                    if (last != null && !last.isNull()) {
                        after = last;
                    }
                }
                String reached = after == null ? null : after.toString();
                jdbi.useTransaction(handle -> {
                    store.write(handle, source.id(), objects);
                    handle.attach(StreamChoiceDao.class).readUpTo(source.id(), stream.stream(), reached);
                });
                page = read.nextCursor();
            } while (page != null && !Thread.currentThread().isInterrupted());
            if (page != null) {
                return false;
            }
            Instant now = clock.instant();
            save(inState(stream, SYNCED).withBackfill(stream.backfillStartedAt() == null ? readAt : stream.backfillStartedAt(),
                    stream.backfillFinishedAt() == null ? now : stream.backfillFinishedAt()).withLastSyncAt(now).withNextSyncAt(nextSync(now)));
            return true;
        }

        /** Reads the objects created since the last sync, and those inside the lookback window again. */
        private boolean readRecent(DatasetStreamRow stream, StreamDescriptor descriptor) {
            Instant readAt = clock.instant();
            if (!readCreated(stream, descriptor, readAt.minus(Duration.ofDays(stream.lookbackDays())), readAt)) {
                return false;
            }
            Instant now = clock.instant();
            save(inState(stream, SYNCED).withHighWater(descriptor.createdFilter() ? readAt : stream.highWater()).withLastSyncAt(now)
                    .withNextSyncAt(nextSync(now)));
            return true;
        }

        /** Reads the objects created since the last sync, and moves the stream's high water (only ever forward). */
        boolean readNew(DatasetStreamRow stream, StreamDescriptor descriptor) {
            Instant readAt = clock.instant();
            if (!readCreated(stream, descriptor, readAt, readAt)) {
                return false;
            }
            if (descriptor.createdFilter()) {
                jdbi.useExtension(DatasetStreamDao.class, dao -> dao.moveHighWater(source.id(), stream.stream(), readAt));
            }
            return true;
        }

        /**
         * Reads the objects created from the stream's high water (or {@code lookbackFrom}, if
         * earlier; never before the start date) up to {@code readAt}.
         *
         * @return false when interrupted before the read was over
         */
        private boolean readCreated(DatasetStreamRow stream, StreamDescriptor descriptor, Instant lookbackFrom, Instant readAt) {
            Instant from = stream.highWater() == null ? readAt : stream.highWater();
            if (lookbackFrom.isBefore(from)) {
                from = lookbackFrom;
            }
            if (stream.startDate() != null && from.isBefore(stream.startDate())) {
                from = stream.startDate();
            }
            if (descriptor.createdFilter() && from.isBefore(readAt)) {
                CreatedWindow window = new CreatedWindow(from, readAt);
                String cursor = null;
                do {
                    StreamPage page = streams.read(context,
                            new StreamReadRequest(descriptor.name(), cursor, window, config.pageSize()));
                    List<MirroredObject> objects = new ArrayList<>();
                    page.records().forEach(record -> objects.add(MirroredObject.of(descriptor, record, readAt, false)));
                    store.write(source.id(), objects);
                    cursor = page.nextCursor();
                } while (cursor != null && !Thread.currentThread().isInterrupted());
                return cursor == null;
            }
            return true;
        }

        /**
         * A failure that stops the source stops it as a refresh does, until a person acts, and
         * every stream shows why.
         *
         * @return whether the failure stopped the source
         */
        private boolean stopSource(List<DatasetStreamRow> streams, RuntimeException e) {
            if (!operations.stopIfSourceFailed(source, source.lastRefreshAt(), e)) {
                return false;
            }
            String code = e instanceof ConnectorException connectorFailure ? connectorFailure.errorCode().code()
                    : ((CredentialsUnreadable) e).code();
            String permission = e instanceof ConnectorException connectorFailure ? connectorFailure.permission().orElse(null) : null;
            streams.forEach(stream -> save(errorRow(stream, code, e.getMessage(), permission, Optional.empty())));
            return true;
        }

        private DatasetStreamRow failed(DatasetStreamRow stream, ConnectorException e) {
            return save(errorRow(stream, e.errorCode().code(), e.getMessage(), e.permission().orElse(null),
                    ConnectorFailures.retryAfter(e)));
        }

        private DatasetStreamRow errorRow(DatasetStreamRow stream, String code, String message, String permission,
                                          Optional<Duration> retryAfter) {
            Instant now = clock.instant();
            Instant next = now.plus(retryDelay(Duration.ofMinutes(source.cadenceMinutes()), retryAfter));
            // A backfill in progress stays one: its windows are kept and it resumes on the retry.
            return stream.withState(stream.state() == BACKFILLING ? BACKFILLING : FAILED).withLastSyncAt(now).withNextSyncAt(next)
                    .withError(code, message, permission);
        }

        private Instant nextSync(Instant now) {
            return now.plus(Duration.ofMinutes(source.cadenceMinutes()));
        }
    }

    /**
     * How long a failed stream waits: the connector's wait for a retryable failure, else
     * {@link #RETRY_AFTER}; never longer than the source's cadence.
     */
    static Duration retryDelay(Duration cadence, Optional<Duration> retryAfter) {
        Duration wait = retryAfter.filter(asked -> asked.compareTo(RETRY_AFTER) < 0).orElse(RETRY_AFTER);
        return wait.compareTo(cadence) < 0 ? wait : cadence;
    }

    /** Counts of a sync's streams. */
    private static final class Tally {
        int synced;
        int failed;
        boolean paused;

        Outcome outcome(boolean interrupted) {
            return new Outcome(synced, failed, interrupted, false, paused);
        }
    }

    /** Whether a stream is read whole this sync: not yet backfilled, or in full-refresh mode. */
    private static boolean needsFullRead(DatasetStreamRow stream) {
        return !stream.incremental() || !stream.backfilled();
    }

    /**
     * The row in a new state (not a failure): a backfill keeps the error that sent the stream back
     * to one, shown until the read succeeds; a synced stream has none.
     */
    private static DatasetStreamRow inState(DatasetStreamRow stream, StreamState state) {
        DatasetStreamRow next = stream.withState(state);
        return state == BACKFILLING && stream.lastErrorCode() != null ? next : next.withoutError();
    }

    /** Saves the sync's view of a stream, unless the stream was selected anew meanwhile (then the new selection stands). */
    private DatasetStreamRow save(DatasetStreamRow row) {
        jdbi.useExtension(DatasetStreamDao.class, dao -> dao.update(row));
        return row;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored cursor value is not JSON", e);
        }
    }

    /** The source's streams capability; a source has datasets only when its connector has one. */
    private static Streams streamsOf(InstalledConnector connector) {
        return connector.streams().orElseThrow(() -> new ConnectorException(StandardErrorCode.UNSUPPORTED_OPERATION,
                "Connector '" + connector.typeId() + "' has no streams"));
    }
}
