package io.tributary.server.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.MinorUnits;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.projection.Projections;
import io.tributary.projection.render.MinorUnitTable;
import io.tributary.projection.render.PreviousValues;
import io.tributary.projection.render.RenderContext;
import io.tributary.projection.spec.ComparePeriod;
import io.tributary.projection.spec.ProjectionSpec;
import io.tributary.server.db.AnsweredFrom;
import io.tributary.server.db.BlockDao;
import io.tributary.server.db.BlockRow;
import io.tributary.server.db.DataSourceDao;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.db.SourceStatus;
import io.tributary.server.mirror.MirrorAnswers;
import io.tributary.server.sources.ConnectorContexts;
import io.tributary.server.sources.CredentialsUnreadable;
import io.tributary.server.sources.SourceOperation;
import io.tributary.server.sources.SourceOperations;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes blocks: decrypts the source's credentials once (one audit row, naming who asked), runs
 * each binding's query, projects the result into widget data, keeps the value history and
 * announces changes. One failing binding records its own error and the others still refresh;
 * credentials the provider rejects put the whole source in error.
 */
public final class RefreshService {

    /** What a refresh of a source did. */
    public record SourceRefresh(String dataSourceId, int refreshed, int failed, boolean credentialsRejected, boolean skipped) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RefreshService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final SourceOperations operations;
    private final ConnectorContexts contexts;
    private final MirrorAnswers answers;

    public RefreshService(Jdbi jdbi, SourceOperations operations, MirrorAnswers answers) {
        this.jdbi = jdbi;
        this.operations = operations;
        this.contexts = operations.contexts();
        this.answers = answers;
    }

    /**
     * Refreshes a source's blocks whose query types are stale.
     *
     * @param staleQueryTypes the query types to refresh; empty for all
     * @param actor who asks, for the audit row of the decryption ({@code system:scheduledRunner}, ...)
     */
    public SourceRefresh refreshSource(String dataSourceId, Set<String> staleQueryTypes, String actor) {
        Optional<DataSourceRow> found = jdbi.withExtension(DataSourceDao.class, sources -> sources.findAnyWorkspace(dataSourceId));
        if (found.isEmpty() || found.get().inError()) {
            // Gone, or waiting for new credentials: nothing to do until a person acts.
            return new SourceRefresh(dataSourceId, 0, 0, false, true);
        }
        DataSourceRow source = found.get();
        List<BlockRow> blocks = jdbi.withExtension(BlockDao.class, all -> all.ofDataSource(dataSourceId)).stream()
                .filter(block -> staleQueryTypes.isEmpty() || staleQueryTypes.contains(block.queryType())).toList();
        return run(source, blocks, actor, staleQueryTypes.isEmpty());
    }

    /** Refreshes one block now, whatever its source's state; returns the block as stored after. */
    public BlockRow refreshBlock(BlockRow block, String actor) {
        DataSourceRow source = jdbi.withExtension(DataSourceDao.class, sources -> sources.find(block.workspaceId(), block.dataSourceId()))
                .orElseThrow(() -> new IllegalStateException("The block's data source is gone"));
        run(source, List.of(block), actor, false);
        return jdbi.withExtension(BlockDao.class, all -> all.find(block.workspaceId(), block.id())).orElseThrow();
    }

    /**
     * @param full whether every binding of the source is refreshed: only a full refresh moves the
     *     source's last refresh time, which its cadence counts from
     */
    private SourceRefresh run(DataSourceRow source, List<BlockRow> blocks, String actor, boolean full) {
        Instant now = contexts.now();
        Instant lastRefreshAt = full ? now : source.lastRefreshAt();
        SourceOperation operation = operations.start(source, actor).orElse(null);
        if (operation == null) {
            jdbi.useExtension(DataSourceDao.class, sources -> sources.recordRefresh(source.id(), lastRefreshAt,
                    source.status(), "The connector '" + source.type() + "' is not installed on this server"));
            return new SourceRefresh(source.id(), 0, blocks.size(), false, false);
        }
        InstalledConnector connector = operation.connector();
        MirrorAnswers.Session mirror = answers.session(operation);
        int refreshed = 0;
        int failed = 0;
        for (BlockRow block : blocks) {
            try {
                QueryRequest request = ParameterValidator.prepare(connector, block.queryType(), read(block.queryParams()));
                MirrorAnswers.Answer answer = mirror.answer(request);
                store(block, answer.result(), answer.from(), now, connector.descriptor().minorUnits());
                refreshed++;
            } catch (ConnectorException | CredentialsUnreadable e) {
                if (operations.stopIfSourceFailed(source, lastRefreshAt, e)) {
                    return new SourceRefresh(source.id(), refreshed, failed + 1, true, false);
                }
                ConnectorException operationFailure = (ConnectorException) e; // CredentialsUnreadable always stops the source
                storeError(block, operationFailure.errorCode().code(), operationFailure.getMessage(), now);
                failed++;
            } catch (RuntimeException e) {
                LOG.error("Refreshing block {} failed unexpectedly", block.id(), e);
                storeError(block, "internal_error", "The refresh failed unexpectedly; see the server log", now);
                failed++;
            }
        }
        if (full) {
            jdbi.useExtension(DataSourceDao.class, sources -> sources.recordRefresh(source.id(), now, SourceStatus.ACTIVE, null));
        }
        return new SourceRefresh(source.id(), refreshed, failed, false, false);
    }

    /** A preview's answer: the widget data a binding would get now, and where the answer came from. */
    public record Preview(ObjectNode widgetData, AnsweredFrom from, List<String> notices) {
    }

    /**
     * Runs a binding that is not saved and projects its answer, as a refresh would, storing
     * nothing: the block editor's live preview. A connector failure is thrown as it happened.
     */
    public Preview preview(SourceOperation operation, QueryRequest request, String projection) {
        MirrorAnswers.Answer answer = answers.session(operation).answer(request);
        ProjectionSpec spec = Projections.parse(read(projection)).orThrow();
        // A preview has no history: its compare shows nulls.
        ObjectNode data = Projections.render(spec, answer.result().data(),
                renderContext(contexts.now(), operation.connector().descriptor().minorUnits()));
        return new Preview(data, answer.from(), answer.result().notices());
    }

    /** Amounts are in the smallest unit as the connector defines it: the projection formats them by its table. */
    private static RenderContext renderContext(Instant now, MinorUnits units) {
        return RenderContext.at(now).withMinorUnits(new MinorUnitTable(units.exponents(), units.displayDecimals()));
    }

    private void store(BlockRow block, QueryResult result, AnsweredFrom answeredFrom, Instant now, MinorUnits units) {
        ProjectionSpec spec = Projections.parse(read(block.projection())).orThrow();
        Map<String, List<ComparePeriod>> compared = spec.compared();
        // compare: what the compared fields were a period ago, from history (before this refresh records its own values).
        PreviousValues previousValues = compared.isEmpty() ? PreviousValues.NONE
                : jdbi.withHandle(handle -> BlockHistory.previousValues(handle, block.id(), compared, now));
        RenderContext context = renderContext(now, units).withPrevious(previousValues);
        ObjectNode projected = Projections.render(spec, result.data(), context);
        Map<String, BigDecimal> sourceNumbers = Projections.sourceNumbers(spec, result.data());
        ObjectNode previous = (ObjectNode) read(block.widgetData());
        ObjectNode widgetData = previous.deepCopy();
        widgetData.setAll(projected);
        boolean changed = !widgetData.equals(previous) || block.lastRefreshAt() == null;
        BlockRow updated = block.withAnswer(write(widgetData), write(result.data()), answeredFrom, now);
        jdbi.useTransaction(handle -> {
            BlockDao blocks = handle.attach(BlockDao.class);
            blocks.update(updated);
            BlockHistory.record(handle, block.id(), widgetData, sourceNumbers, now, answeredFrom);
            if (changed) {
                blocks.recordValue(block.id(), now, updated.widgetData());
                WidgetChangeRelay.announce(handle, block.id());
            }
        });
    }

    private void storeError(BlockRow block, String code, String message, Instant now) {
        BlockRow updated = block.withError(code, message, now);
        jdbi.useExtension(BlockDao.class, blocks -> blocks.update(updated));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON could not be read", e);
        }
    }

    static String write(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
