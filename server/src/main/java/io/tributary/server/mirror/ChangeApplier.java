package io.tributary.server.mirror;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.Change;
import io.tributary.connector.spi.ChangePage;
import io.tributary.connector.spi.ChangeRequest;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.server.db.DatasetStreamDao;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies a source's change feed to its mirror, page by page: each page's objects and the feed's
 * new cursor commit together, so a crash neither loses nor repeats a page (and a repeated change
 * would change nothing anyway: writes are idempotent and ordered by version). A change whose
 * payload the connector cannot vouch for is read again instead of stored partial.
 */
final class ChangeApplier {

    /** What applying the feed did. */
    record Outcome(int changes, int reread, boolean expired) {
    }

    private static final int PAGE_SIZE = 100;
    /** A guard against a feed that never says it is done. */
    private static final int MAX_PAGES = 10_000;

    private final Jdbi jdbi;
    private final MirrorStore store;
    private final Clock clock;

    ChangeApplier(Jdbi jdbi, MirrorStore store, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Applies the changes after the stored cursor to the given streams. When the cursor turns out
     * older than the feed's history, stores the restart cursor the connector offers and says so: the
     * caller must then read the streams again in full.
     */
    Outcome apply(String dataSourceId, InstalledConnector connector, ConnectorContext context, String cursor, Set<String> streams) {
        ChangeFeed feed = connector.changeFeed().orElseThrow(() -> new IllegalStateException(connector.typeId() + " has no change feed"));
        int applied = 0;
        int reread = 0;
        String position = cursor;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            ChangePage page = feed.read(context, new ChangeRequest(position, streams, PAGE_SIZE));
            if (page.cursorExpired()) {
                saveCursor(dataSourceId, page.nextCursor());
                return new Outcome(applied, reread, true);
            }
            List<MirroredObject> objects = new ArrayList<>();
            for (Change change : page.changes()) {
                if (!streams.contains(change.stream())) {
                    continue;
                }
                StreamDescriptor stream = connector.stream(change.stream()).orElse(null);
                if (stream == null) {
                    continue;
                }
                if (change.needsRead()) {
                    reread++;
                }
                objects.add(toObject(dataSourceId, feed, context, stream, change));
            }
            String next = page.nextCursor();
            jdbi.useTransaction(handle -> {
                store.write(handle, dataSourceId, objects);
                handle.attach(DatasetStreamDao.class).saveFeedCursor(dataSourceId, next, clock.instant());
            });
            applied += objects.size();
            position = next;
            if (!page.hasMore()) {
                break;
            }
        }
        return new Outcome(applied, reread, false);
    }

    private MirroredObject toObject(String dataSourceId, ChangeFeed connector, ConnectorContext context, StreamDescriptor stream,
                                    Change change) {
        if (change.needsRead()) {
            Instant readAt = clock.instant();
            Optional<ObjectNode> current = connector.readObject(context, stream.name(), change.objectId());
            if (current.isPresent()) {
                return MirroredObject.of(stream, change.objectId(), current.get(), readAt, false);
            }
            return deletion(dataSourceId, stream, change.objectId(), change.versionAt(), null);
        }
        if (change.deleted()) {
            return deletion(dataSourceId, stream, change.objectId(), change.versionAt(), change.object());
        }
        ObjectNode object = change.object();
        return MirroredObject.of(stream, change.objectId(), object, change.versionAt(), false);
    }

    /** A deletion keeps the object's last known state, so the dataset still shows what was deleted. */
    private MirroredObject deletion(String dataSourceId, StreamDescriptor stream, String objectId, Instant at, ObjectNode last) {
        ObjectNode data = last;
        if (data == null) {
            data = store.find(dataSourceId, stream.name(), objectId).map(MirroredObject::data)
                    .orElseGet(() -> JsonNodeFactory.instance.objectNode().put(stream.primaryKey(), objectId));
        }
        return MirroredObject.of(stream, objectId, data, at, true);
    }

    private void saveCursor(String dataSourceId, String cursor) {
        jdbi.useExtension(DatasetStreamDao.class, dao -> dao.saveFeedCursor(dataSourceId, cursor, clock.instant()));
    }
}
