package io.tributary.server.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.server.api.DatasetRequests;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.db.DatasetStreamDao;
import io.tributary.server.db.DatasetStreamRow;
import io.tributary.server.db.StreamChoiceDao;
import io.tributary.server.db.StreamChoiceRow;
import io.tributary.server.db.StreamMode;
import io.tributary.server.mirror.Backfill;
import io.tributary.server.mirror.DatasetSelections;
import io.tributary.server.mirror.MirrorStore;
import io.tributary.server.mirror.PushedStreams;
import io.tributary.server.problems.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.server.sources.SourceStreams;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** What a data source mirrors: a requested selection checked and stored, from the create call or later. */
public final class DatasetCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectorRegistry connectors;
    private final Backfill backfill;
    private final MirrorStore store;
    private final Clock clock;
    private final PushedStreams pushedStreams;
    private final SourceStreams sourceStreams;

    public DatasetCatalog(ConnectorRegistry connectors, Backfill backfill, MirrorStore store, Clock clock, SourceStreams sourceStreams) {
        this.sourceStreams = sourceStreams;
        this.pushedStreams = new PushedStreams(store);
        this.connectors = connectors;
        this.backfill = backfill;
        this.store = store;
        this.clock = clock;
    }

    /** The source's streams: its connector's, or those found for it when its credentials were last checked. */
    List<StreamDescriptor> streamsOf(DataSourceRow source) {
        InstalledConnector connector = connectors.find(source.type())
                .orElseThrow(() -> new InvalidInput("type", "The connector '" + source.type() + "' is not installed on this server"));
        return sourceStreams.of(source.id(), connector);
    }

    /** Checks a selection against the source's streams and what its credentials could read at their last check. */
    Map<String, DatasetSelections.Resolved> resolve(DataSourceRow source, List<DatasetRequests.Selection> requested) {
        return resolve(source, Optional.empty(), requested);
    }

    /** As above, with the streams just discovered for new credentials, when there are. */
    Map<String, DatasetSelections.Resolved> resolve(DataSourceRow source, Optional<List<StreamDescriptor>> discovered,
                                                    List<DatasetRequests.Selection> requested) {
        InstalledConnector connector = connectors.find(source.type())
                .orElseThrow(() -> new InvalidInput("type", "The connector '" + source.type() + "' is not installed on this server"));
        return resolve(connector, discovered.orElseGet(() -> sourceStreams.of(source.id(), connector)), capabilities(source.permissions()),
                requested);
    }

    /** For a source being created: its streams and capabilities come from the check just made. */
    Map<String, DatasetSelections.Resolved> resolve(InstalledConnector connector, List<StreamDescriptor> streams,
                                                    List<CapabilityStatus> capabilities, List<DatasetRequests.Selection> requested) {
        return DatasetSelections.resolve(requested, streams, capabilities, clock.instant());
    }

    /**
     * Stores a selection inside the caller's transaction: new streams start a backfill, streams
     * whose mode or start date changed start a fresh one, a new lookback applies from the next
     * sync, and streams left out are dropped with their records.
     */
    void replaceSelection(Handle handle, String dataSourceId, Map<String, DatasetSelections.Resolved> selection) {
        DatasetStreamDao dao = handle.attach(DatasetStreamDao.class);
        Instant now = clock.instant();
        Map<String, DatasetStreamRow> current = dao.list(dataSourceId).stream()
                .collect(Collectors.toMap(DatasetStreamRow::stream, row -> row));
        StreamChoiceDao choices = handle.attach(StreamChoiceDao.class);
        Map<String, StreamChoiceRow> chosen = choices.list(dataSourceId).stream()
                .collect(Collectors.toMap(StreamChoiceRow::stream, row -> row));
        for (DatasetStreamRow row : current.values()) {
            if (!selection.containsKey(row.stream()) && row.mode() != StreamMode.PUSHED) {
                dao.delete(dataSourceId, row.stream());
                backfill.clear(handle, dataSourceId, row.stream());
                store.deleteStream(handle, dataSourceId, row.stream());
            }
        }
        for (DatasetSelections.Resolved next : selection.values()) {
            DatasetStreamRow existing = current.get(next.stream());
            if (existing == null) {
                dao.insert(fresh(dataSourceId, next, now));
            } else if (DatasetSelections.needsFreshBackfill(existing, cursorOf(chosen.get(next.stream())), keyOf(chosen.get(next.stream())),
                    next)) {
                backfill.clear(handle, dataSourceId, next.stream());
                dao.replace(fresh(dataSourceId, next, now));
            } else if (existing.lookbackDays() != next.lookbackDays()) {
                dao.replace(existing.withLookbackDays(next.lookbackDays()));
            }
            StreamChoiceRow before = chosen.get(next.stream());
            if (next.cursorField() == null && next.key().isEmpty()) {
                choices.unchoose(dataSourceId, next.stream());
            } else if (!java.util.Objects.equals(next.cursorField(), cursorOf(before)) || !next.key().equals(keyOf(before))) {
                choices.choose(dataSourceId, next.stream(), next.cursorField(), StreamChoiceRow.keyJson(next.key())); // read from the start again
            }
        }
        if (selection.values().stream().noneMatch(resolved -> resolved.mode() == StreamMode.INCREMENTAL && resolved.cursorField() == null)) {
            dao.deleteFeed(dataSourceId); // nothing follows the feed: a later selection starts it afresh
        }
    }

    /** Gives a new source its connector's pushed streams, which every source keeps without being asked. */
    void keepPushedStreams(Handle handle, String dataSourceId, InstalledConnector connector) {
        pushedStreams.keep(handle, dataSourceId, connector, clock.instant());
    }

    private static String cursorOf(StreamChoiceRow choice) {
        return choice == null ? null : choice.cursorField();
    }

    private static List<String> keyOf(StreamChoiceRow choice) {
        return choice == null ? List.of() : choice.key();
    }

    private static DatasetStreamRow fresh(String dataSourceId, DatasetSelections.Resolved next, Instant now) {
        return DatasetStreamRow.selected(dataSourceId, next.stream(), next.mode(), next.startDate(), next.lookbackDays(), now);
    }

    private static List<CapabilityStatus> capabilities(String permissions) {
        try {
            return JSON.readValue(permissions, new TypeReference<List<CapabilityStatus>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored permissions could not be read", e);
        }
    }

}
