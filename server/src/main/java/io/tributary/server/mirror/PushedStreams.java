package io.tributary.server.mirror;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.Retention;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.server.db.DatasetRecordDao;
import io.tributary.server.db.DatasetStreamDao;
import io.tributary.server.db.DatasetStreamRow;
import io.tributary.server.db.StreamMode;
import io.tributary.server.db.StreamState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The streams whose records arrive in webhook deliveries ({@link StreamDescriptor#pushed()}):
 * every source of their connector keeps them without being asked, each new event's record is
 * stored in the transaction that records the event, and a "sync" of one applies its retention.
 */
public final class PushedStreams {

    /** How often a pushed stream's retention is applied. */
    static final Duration RETENTION_EVERY = Duration.ofHours(1);

    private final MirrorStore store;

    public PushedStreams(MirrorStore store) {
        this.store = store;
    }

    /** Gives a source every pushed stream of its connector, in the caller's transaction. */
    public void keep(Handle handle, String dataSourceId, InstalledConnector connector, Instant now) {
        DatasetStreamDao dao = handle.attach(DatasetStreamDao.class);
        for (StreamDescriptor stream : pushed(connector)) {
            dao.insertIfAbsent(new DatasetStreamRow(dataSourceId, stream.name(), StreamMode.PUSHED, null, 0, StreamState.SYNCED,
                    null, now, null, null, now.plus(RETENTION_EVERY), null, null, null,
                    "Kept from webhook deliveries, " + describe(stream.retention().orElseThrow()) + ".", now));
        }
    }

    /**
     * Stores the records new events carry for pushed streams, in the transaction that recorded the
     * events (so a repeated event stores nothing twice).
     *
     * @return how many records were written
     */
    public int store(Handle handle, String dataSourceId, InstalledConnector connector, List<WebhookEvent> newEvents) {
        List<MirroredObject> records = new ArrayList<>();
        for (WebhookEvent event : newEvents) {
            for (String name : event.staleStreams()) {
                Optional<StreamDescriptor> stream = connector.stream(name).filter(StreamDescriptor::pushed);
                // The contract kit checks each record carries its key and creation time; one that does not is not kept.
                if (stream.isPresent() && event.object() instanceof ObjectNode record && record.hasNonNull(stream.get().primaryKey())
                        && stream.get().createdAt(record).isPresent()) {
                    records.add(MirroredObject.of(stream.get(), record, stream.get().createdAt(record).orElseThrow(), false));
                }
            }
        }
        return records.isEmpty() ? 0 : store.write(handle, dataSourceId, records);
    }

    /** Whether the source already has a row for every pushed stream of its connector (so {@link #keep} would add nothing). */
    public static boolean allKept(InstalledConnector connector, java.util.Set<String> rows) {
        return pushed(connector).stream().allMatch(stream -> rows.contains(stream.name()));
    }

    /** Whether a stream row is one of the connector's pushed streams. */
    public static boolean isPushed(InstalledConnector connector, String stream) {
        return connector.stream(stream).map(StreamDescriptor::pushed).orElse(false);
    }

    /**
     * Applies a pushed stream's retention: records older than its days, and beyond its count, go.
     *
     * @return the row as saved, due again after {@link #RETENTION_EVERY}
     */
    DatasetStreamRow applyRetention(Handle handle, DatasetStreamRow row, StreamDescriptor stream, Instant now) {
        Retention retention = stream.retention().orElseThrow();
        DatasetRecordDao records = handle.attach(DatasetRecordDao.class);
        int expired = records.deleteCreatedBefore(row.dataSourceId(), row.stream(), now.minus(Duration.ofDays(retention.maxAgeDays())));
        int beyond = records.deleteAllButNewest(row.dataSourceId(), row.stream(), retention.maxRecords());
        DatasetStreamRow applied = row.withState(StreamState.SYNCED).withLastSyncAt(now).withNextSyncAt(now.plus(RETENTION_EVERY))
                .withoutError().withNotice("Kept from webhook deliveries, " + describe(retention) + "; the last pass at " + now
                        + " removed " + (expired + beyond) + ".");
        handle.attach(DatasetStreamDao.class).update(applied);
        return applied;
    }

    private static List<StreamDescriptor> pushed(InstalledConnector connector) {
        return connector.streamDescriptors().stream().filter(StreamDescriptor::pushed).toList();
    }

    private static String describe(Retention retention) {
        return "the newest " + retention.maxRecords() + " for at most " + retention.maxAgeDays() + " days";
    }
}
