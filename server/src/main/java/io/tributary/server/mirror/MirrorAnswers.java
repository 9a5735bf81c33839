package io.tributary.server.mirror;

import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.server.db.AnsweredFrom;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.sources.ConnectorFailures;
import io.tributary.server.sources.SourceOperation;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a query from the dataset mirror when it holds every stream the query needs, backfilled
 * and without errors: the mirror first catches up (the change feed's latest changes and the
 * objects created since the last sync, a request or two), then the connector computes the answer
 * from PostgreSQL. Otherwise, or when catching up fails, the query runs live.
 */
public final class MirrorAnswers {

    /** A query's result and where it came from. */
    public record Answer(QueryResult result, AnsweredFrom from) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(MirrorAnswers.class);

    private final Jdbi jdbi;
    private final DatasetSync sync;

    public MirrorAnswers(Jdbi jdbi, DatasetSync sync) {
        this.jdbi = jdbi;
        this.sync = sync;
    }

    /**
     * Answers for one operation on one source (a refresh of its blocks, one API query). The
     * mirror catches up at most once per stream in it: several blocks on the same streams cost one
     * catch-up, not one each.
     */
    public Session session(SourceOperation operation) {
        return new Session(operation);
    }

    /** See {@link #session}. Used on one thread. */
    public final class Session {
        private final SourceOperation operation;
        private final DataSourceRow source;
        private final InstalledConnector connector;
        private final ConnectorContext context;
        private final Set<String> caughtUp = new HashSet<>();
        private boolean feedApplied;
        private boolean mirrorUnusable;

        private Session(SourceOperation operation) {
            this.operation = operation;
            this.source = operation.source();
            this.connector = operation.connector();
            this.context = operation.context();
        }

        public Answer answer(QueryRequest request) {
            return fromMirror(request).map(result -> new Answer(result, AnsweredFrom.MIRROR))
                    .orElseGet(() -> new Answer(connector.connector().runQuery(context, request), AnsweredFrom.LIVE));
        }

        private Optional<QueryResult> fromMirror(QueryRequest request) {
            Optional<MirrorQueries> mirrorQueries = connector.mirrorQueries();
            if (mirrorQueries.isEmpty() || mirrorUnusable) {
                return Optional.empty();
            }
            Set<String> streams = mirrorQueries.get().streamsFor(request);
            if (streams.isEmpty()) {
                return Optional.empty();
            }
            Set<String> behind = new HashSet<>(streams);
            behind.removeAll(caughtUp);
            if (!behind.isEmpty()) {
                try {
                    if (!sync.catchUp(operation, behind, !feedApplied)) {
                        return Optional.empty();
                    }
                } catch (ConnectorException e) {
                    if (ConnectorFailures.stopsSource(e)) {
                        throw e; // the operation's caller stops the source
                    }
                    LOG.info("The mirror of {} could not catch up ({}); answering live", source.id(), e.errorCode().code());
                    mirrorUnusable = true;
                    return Optional.empty();
                }
                feedApplied = true;
                caughtUp.addAll(behind);
            }
            return mirrorQueries.get().run(context, request, new MirrorRecordsReader(jdbi, source.id(), streams));
        }
    }
}
