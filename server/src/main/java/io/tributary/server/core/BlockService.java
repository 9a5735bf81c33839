package io.tributary.server.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.ResultField;
import io.tributary.projection.Projections;
import io.tributary.projection.spec.SpecParseResult;
import io.tributary.projection.spec.SpecProblem;
import io.tributary.server.api.BlockRequest;
import io.tributary.server.api.BlockView;
import io.tributary.server.api.HistoryView;
import io.tributary.server.db.BlockDao;
import io.tributary.server.db.BlockHistoryDao;
import io.tributary.server.db.BlockRow;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.problems.InvalidInput;
import io.tributary.server.problems.NotFound;
import io.tributary.server.sources.ConnectorContexts;
import io.tributary.server.sources.ConnectorFailures;
import io.tributary.server.sources.SourceOperation;
import io.tributary.server.sources.SourceOperations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Blocks: a query binding and a projection, validated against the query type when saved (without
 * touching the provider), then refreshed right away.
 */
public final class BlockService {

    private final Jdbi jdbi;
    private final DataSourceService dataSources;
    private final RefreshService refreshes;
    private final AuditTrail audit;
    private final ConnectorContexts contexts;
    private final SourceOperations operations;

    public BlockService(Jdbi jdbi, DataSourceService dataSources, RefreshService refreshes,
                        AuditTrail audit, ConnectorContexts contexts, SourceOperations operations) {
        this.jdbi = jdbi;
        this.operations = operations;
        this.dataSources = dataSources;
        this.refreshes = refreshes;
        this.audit = audit;
        this.contexts = contexts;
    }

    public BlockView create(Caller caller, BlockRequest request) {
        Validated valid = validate(caller, request);
        Instant now = contexts.now();
        BlockRow row = new BlockRow(Ids.next("blk"), valid.source().workspaceId(), valid.source().id(), valid.queryType(),
                valid.params(), valid.projection(), valid.template(), valid.widgetData(), null, null, null, null, now, now, null);
        jdbi.useTransaction(handle -> {
            handle.attach(BlockDao.class).insert(row);
            audit.record(handle, row.workspaceId(), caller.actor(), "block.create", "block:" + row.id(),
                    Map.of("data_source", row.dataSourceId(), "query_type", row.queryType()));
        });
        return view(refreshes.refreshBlock(row, caller.actor()));
    }

    /**
     * {@code POST /api/v1/blocks/preview}: the widget data a block would show, checked as a save
     * is and answered as a refresh is, without saving anything.
     */
    public io.tributary.server.api.BlockPreview preview(Caller caller, BlockRequest request) {
        Validated valid = validate(caller, request);
        // The operation that checked the binding answers it: a connector that read the statement to check it
        // opened the credentials once, for both.
        RefreshService.Preview preview = refreshes.preview(valid.operation(), valid.query(), valid.projection());
        ObjectNode data = (ObjectNode) RefreshService.read(valid.widgetData());
        data.setAll(preview.widgetData());
        return new io.tributary.server.api.BlockPreview(new BlockRequest.Widget(valid.template(), data), preview.from(),
                preview.notices(), contexts.now());
    }

    public BlockView replace(Caller caller, String id, BlockRequest request) {
        BlockRow current = find(caller, id);
        Validated valid = validate(caller, request);
        BlockRow row = current.withBinding(valid.source().id(), valid.queryType(), valid.params(), valid.projection(), valid.template(),
                valid.widgetData(), contexts.now());
        jdbi.useTransaction(handle -> {
            handle.attach(BlockDao.class).update(row);
            audit.record(handle, row.workspaceId(), caller.actor(), "block.update", "block:" + row.id(), Map.of());
        });
        return view(refreshes.refreshBlock(row, caller.actor()));
    }

    public BlockView get(Caller caller, String id) {
        return view(find(caller, id));
    }

    public List<BlockView> list(Caller caller) {
        return rows(caller).stream().map(BlockService::view).toList();
    }

    /** The caller's workspace; the admin token has none (answered as for any workspace-only endpoint). */
    public String workspaceOf(Caller caller) {
        return dataSources.requireWorkspace(caller);
    }

    /** The workspace's blocks as stored, for a board's event stream. */
    public List<BlockRow> rows(Caller caller) {
        String workspaceId = dataSources.requireWorkspace(caller);
        return jdbi.withExtension(BlockDao.class, blocks -> blocks.list(workspaceId));
    }

    public void delete(Caller caller, String id) {
        BlockRow current = find(caller, id);
        jdbi.useTransaction(handle -> {
            handle.attach(BlockDao.class).delete(current.workspaceId(), id);
            audit.record(handle, current.workspaceId(), caller.actor(), "block.delete", "block:" + id, Map.of());
        });
    }

    public BlockView refresh(Caller caller, String id) {
        return view(refreshes.refreshBlock(find(caller, id), caller.actor()));
    }

    /** {@code GET /api/v1/blocks/{id}/history}: the block's numeric values over a window, per step. */
    public HistoryView history(Caller caller, String id, String from, String to, String step) {
        BlockRow block = find(caller, id);
        HistoryQuery query = HistoryQuery.of(from, to, step, contexts.now());
        java.util.Map<String, java.util.List<HistoryView.Point>> series = new java.util.LinkedHashMap<>();
        jdbi.withExtension(BlockHistoryDao.class, history -> history.read(block.id(), query.from(), query.to(), query.stepSeconds()))
                .forEach(point -> series.computeIfAbsent(point.field(), field -> new java.util.ArrayList<>()).add(new HistoryView.Point(
                        point.at(), point.lastValue(), point.minValue(), point.maxValue(), point.points(), point.answeredFrom())));
        return new HistoryView(block.id(), query.from(), query.to(), query.stepSeconds(),
                series.entrySet().stream().map(entry -> new HistoryView.Series(entry.getKey(), entry.getValue())).toList());
    }

    /** The block, if it belongs to the caller's workspace; otherwise 404. */
    public BlockRow find(Caller caller, String id) {
        String workspaceId = dataSources.requireWorkspace(caller);
        return jdbi.withExtension(BlockDao.class, blocks -> blocks.find(workspaceId, id))
                .orElseThrow(() -> new NotFound("Block " + id));
    }

    /**
     * A binding and widget checked, as stored, with the prepared query and the operation on the
     * source that checked it (its credentials opened only if the check needed them, once).
     */
    private record Validated(DataSourceRow source, QueryRequest query, SourceOperation operation, String params, String projection,
                             String template, String widgetData) {
        String queryType() {
            return query.queryTypeId();
        }
    }

    private Validated validate(Caller caller, BlockRequest request) {
        if (request == null || request.binding() == null) {
            throw new InvalidInput("binding", "'binding' is required: {dataSourceId, queryConfig: {type, params}, projection: {fields}}");
        }
        BlockRequest.Binding binding = request.binding();
        if (binding.dataSourceId() == null) {
            throw new InvalidInput("binding.dataSourceId", "'binding.dataSourceId' is required");
        }
        DataSourceRow source = dataSources.find(caller, binding.dataSourceId());
        if (binding.queryConfig() == null || binding.queryConfig().type() == null) {
            throw new InvalidInput("binding.queryConfig.type", "'binding.queryConfig.type' is required: a query type of the source's connector (GET /api/v1/connectors lists them)");
        }
        SourceOperation operation = operations.start(source, caller.actor())
                .orElseThrow(() -> new InvalidInput("binding.dataSourceId", "The data source's connector is not installed"));
        InstalledConnector connector = operation.connector();
        QueryRequest query;
        try {
            query = ParameterValidator.prepare(connector, binding.queryConfig().type(), binding.queryConfig().params());
        } catch (ConnectorException e) {
            String field = e.field().map(name -> name.equals("type") ? "binding.queryConfig.type" : "binding.queryConfig.params." + name)
                    .orElse("binding.queryConfig");
            throw new InvalidInput(e.errorCode().code(), field, e.getMessage());
        }
        String projection = projection(binding.projection(), resultFields(operation, query));
        String template = request.widget() == null || request.widget().template() == null ? "default"
                : Names.require("widget.template", request.widget().template());
        JsonNode data = request.widget() == null ? null : request.widget().data();
        if (data != null && !data.isNull() && !data.isObject()) {
            throw new InvalidInput("widget.data", "'widget.data' must be an object");
        }
        ObjectNode widgetData = data == null || data.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) data;
        return new Validated(source, query, operation, RefreshService.write(query.parameters().toJson()), projection, template,
                RefreshService.write(widgetData));
    }

    /**
     * The fields the projection is checked against: the query type's, or, for a query whose result
     * depends on the request (user-written SQL), what the connector learns of this one (an audited
     * decryption, as a refresh would make).
     */
    private List<ResultField> resultFields(SourceOperation operation, QueryRequest query) {
        if (!query.queryType().resultFieldsPerRequest()) {
            return query.queryType().resultFields();
        }
        try {
            return operation.connector().connector().resultFields(operation.context(), query).orElse(query.queryType().resultFields());
        } catch (ConnectorException e) {
            if (ConnectorFailures.stopsSource(e) || ConnectorFailures.retryAfter(e).isPresent()) {
                throw e; // the credentials or the provider failed, not the binding: answered as any connector failure
            }
            String field = e.field().map(name -> "binding.queryConfig.params." + name).orElse("binding.queryConfig");
            throw new InvalidInput(e.errorCode().code(), field, e.getMessage());
        }
    }

    private static String projection(JsonNode projection, List<ResultField> resultFields) {
        if (projection == null || projection.isNull()) {
            throw new InvalidInput("binding.projection", "'binding.projection' is required: {\"fields\": {...}}");
        }
        SpecParseResult parsed = Projections.parseAndValidate(projection, ResultSchemas.of(resultFields));
        if (!parsed.isValid()) {
            SpecProblem first = parsed.problems().get(0);
            throw new InvalidInput(first.code().id(), "binding.projection" + (first.field() == null ? "" : "." + first.field()),
                    first.message());
        }
        return RefreshService.write(projection);
    }

    /** The block's current widget data. */
    public static ObjectNode widgetData(BlockRow row) {
        return (ObjectNode) RefreshService.read(row.widgetData());
    }

    static BlockView view(BlockRow row) {
        return new BlockView(row.id(),
                new BlockRequest.Binding(row.dataSourceId(), new BlockRequest.QueryConfig(row.queryType(), RefreshService.read(row.queryParams())),
                        RefreshService.read(row.projection())),
                new BlockRequest.Widget(row.widgetTemplate(), RefreshService.read(row.widgetData())),
                row.lastRefreshAt(), row.lastErrorCode(), row.lastErrorMessage(), row.answeredFrom(), row.createdAt(), row.updatedAt());
    }
}
