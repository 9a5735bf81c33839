package io.tributary.server.core;

import io.tributary.server.api.DatasetRecordPage;
import io.tributary.server.api.DatasetRequests;
import io.tributary.server.api.DatasetView;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.db.DatasetStreamDao;
import io.tributary.server.db.DatasetStreamRow;
import io.tributary.server.db.StreamChoiceDao;
import io.tributary.server.db.StreamChoiceRow;
import io.tributary.server.db.StreamState;
import io.tributary.server.mirror.Backfill;
import io.tributary.server.mirror.BackfillProgress;
import io.tributary.server.mirror.DatasetRecords;
import io.tributary.server.mirror.DatasetSelections;
import io.tributary.server.mirror.MirrorStore;
import io.tributary.server.problems.InvalidInput;
import io.tributary.server.problems.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Datasets: which streams a data source mirrors, their sync state, their records, and fresh
 * backfills on request. Changing what is mirrored asks the scheduler for a sync at once.
 */
public final class DatasetService {

    private final Jdbi jdbi;
    private final DatasetCatalog catalog;
    private final DataSourceService dataSources;
    private final Backfill backfill;
    private final MirrorStore store;
    private final DatasetRecords records;
    private final AuditTrail audit;
    private final Clock clock;
    private final Consumer<String> syncSoon;

    public DatasetService(Jdbi jdbi, DatasetCatalog catalog, DataSourceService dataSources, Backfill backfill, MirrorStore store,
                          AuditTrail audit, Clock clock, Consumer<String> syncSoon) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.dataSources = dataSources;
        this.backfill = backfill;
        this.store = store;
        this.records = new DatasetRecords(jdbi);
        this.audit = audit;
        this.clock = clock;
        this.syncSoon = syncSoon;
    }

    /** {@code GET .../datasets}: each selected stream with its sync state. */
    public List<DatasetView> list(Caller caller, String dataSourceId) {
        DataSourceRow source = dataSources.find(caller, dataSourceId);
        Map<String, Long> objects = store.counts(source.id());
        Map<String, StreamChoiceRow> chosen = choices(source.id());
        return jdbi.withExtension(DatasetStreamDao.class, dao -> dao.list(source.id())).stream()
                .map(row -> view(row, objects.getOrDefault(row.stream(), 0L), chosen.get(row.stream()))).toList();
    }

    /** {@code GET /api/v1/data-sources/{id}/streams}: what the source can mirror, with the choices a selection may make. */
    public List<io.tributary.server.api.ConnectorView.StreamView> streams(Caller caller, String dataSourceId) {
        DataSourceRow source = dataSources.find(caller, dataSourceId);
        return catalog.streamsOf(source).stream().map(io.tributary.server.api.ConnectorView.StreamView::of).toList();
    }

    /** {@code PUT .../datasets}: replaces the selection; streams left out stop being mirrored and their records go. */
    public List<DatasetView> select(Caller caller, String dataSourceId, DatasetRequests.Select request) {
        DataSourceRow source = dataSources.find(caller, dataSourceId);
        if (request == null || request.datasets() == null) {
            throw new InvalidInput("datasets", "Send {\"datasets\": [{\"stream\": \"charges\"}, ...]}; [] mirrors nothing");
        }
        Map<String, DatasetSelections.Resolved> selection = catalog.resolve(source, request.datasets());
        jdbi.useTransaction(handle -> {
            catalog.replaceSelection(handle, source.id(), selection);
            audit.record(handle, source.workspaceId(), caller.actor(), "dataset.select", "data_source:" + source.id(),
                    Map.of("streams", String.join(",", selection.keySet())));
        });
        syncSoon.accept(source.id());
        return list(caller, dataSourceId);
    }

    /** {@code POST .../datasets/{stream}/resync}: a fresh backfill of one stream from its start date. */
    public DatasetView resync(Caller caller, String dataSourceId, String stream) {
        DataSourceRow source = dataSources.find(caller, dataSourceId);
        DatasetStreamRow row = selected(source.id(), stream);
        Instant now = clock.instant();
        DatasetStreamRow again = row.withState(StreamState.BACKFILLING).withBackfill(null, row.backfillFinishedAt()).withNextSyncAt(now)
                .withoutError().withNotice("A fresh backfill was asked for at " + now + ".").withSelectedAt(now);
        jdbi.useTransaction(handle -> {
            backfill.clear(handle, source.id(), stream);
            handle.attach(DatasetStreamDao.class).replace(again);
            handle.attach(StreamChoiceDao.class).readUpTo(source.id(), stream, null); // a chosen cursor reads from the start again
            audit.record(handle, source.workspaceId(), caller.actor(), "dataset.resync", "data_source:" + source.id(), Map.of("stream", stream));
        });
        syncSoon.accept(source.id());
        return view(again, store.count(source.id(), stream), choices(source.id()).get(stream));
    }

    /** {@code GET .../datasets/{stream}/records}. */
    public DatasetRecordPage records(Caller caller, String dataSourceId, String stream, DatasetRecords.RecordQuery query) {
        DataSourceRow source = dataSources.find(caller, dataSourceId);
        selected(source.id(), stream);
        if (query.limit() < 1 || query.limit() > DatasetRecords.MAX_LIMIT) {
            throw new InvalidInput("limit", "limit must be 1 to " + DatasetRecords.MAX_LIMIT);
        }
        return records.page(source.id(), stream, query);
    }

    private DatasetStreamRow selected(String dataSourceId, String stream) {
        return jdbi.withExtension(DatasetStreamDao.class, dao -> dao.find(dataSourceId, stream))
                .orElseThrow(() -> new NotFound("Dataset " + stream + " (the data source does not mirror it)"));
    }

    private static DatasetView.Progress progress(BackfillProgress progress) {
        return new DatasetView.Progress(progress.windows(), progress.windowsDone(), progress.objectsRead(), progress.reached(),
                progress.estimatedRemaining());
    }

    private Map<String, StreamChoiceRow> choices(String dataSourceId) {
        return jdbi.withExtension(StreamChoiceDao.class, dao -> dao.list(dataSourceId)).stream()
                .collect(java.util.stream.Collectors.toMap(StreamChoiceRow::stream, row -> row));
    }

    private DatasetView view(DatasetStreamRow row, long objects, StreamChoiceRow choice) {
        boolean reading = row.state() == StreamState.BACKFILLING;
        return new DatasetView(row.stream(), row.mode(), row.startDate(), row.lookbackDays(), row.state(), row.highWater(), row.lastSyncAt(),
                row.nextSyncAt(), objects,
                reading ? progress(backfill.progress(row.dataSourceId(), row.stream())) : null,
                row.lastErrorCode() == null ? null : new DatasetView.SyncError(row.lastErrorCode(), row.lastErrorMessage(),
                        row.lastErrorPermission()),
                row.notice(), choice == null ? null : choice.cursorField(), choice == null ? null : nullIfEmpty(choice.key()));
    }

    private static List<String> nullIfEmpty(List<String> key) {
        return key.isEmpty() ? null : key;
    }
}
