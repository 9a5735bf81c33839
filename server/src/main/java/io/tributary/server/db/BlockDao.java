package io.tributary.server.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Blocks, looked up within their workspace (or by data source, for refreshes). */
@RegisterConstructorMapper(BlockRow.class)
public interface BlockDao {

    String COLUMNS = "id, workspace_id, data_source_id, query_type, query_params::text AS query_params, projection::text AS projection, "
            + "widget_template, widget_data::text AS widget_data, last_result::text AS last_result, last_refresh_at, last_error_code, "
            + "last_error_message, created_at, updated_at, answered_from";

    @SqlUpdate("INSERT INTO block (id, workspace_id, data_source_id, query_type, query_params, projection, widget_template, widget_data, "
            + "last_result, last_refresh_at, last_error_code, last_error_message, created_at, updated_at, answered_from) VALUES (:id, :workspaceId, "
            + ":dataSourceId, :queryType, CAST(:queryParams AS jsonb), CAST(:projection AS jsonb), :widgetTemplate, "
            + "CAST(:widgetData AS jsonb), CAST(:lastResult AS jsonb), :lastRefreshAt, :lastErrorCode, :lastErrorMessage, :createdAt, :updatedAt, "
            + ":answeredFrom)")
    void insert(@BindMethods BlockRow row);

    @SqlUpdate("UPDATE block SET data_source_id = :dataSourceId, query_type = :queryType, query_params = CAST(:queryParams AS jsonb), "
            + "projection = CAST(:projection AS jsonb), widget_template = :widgetTemplate, widget_data = CAST(:widgetData AS jsonb), "
            + "last_result = CAST(:lastResult AS jsonb), last_refresh_at = :lastRefreshAt, last_error_code = :lastErrorCode, "
            + "last_error_message = :lastErrorMessage, updated_at = :updatedAt, answered_from = :answeredFrom "
            + "WHERE workspace_id = :workspaceId AND id = :id")
    int update(@BindMethods BlockRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM block WHERE workspace_id = :workspaceId AND id = :id")
    Optional<BlockRow> find(@Bind("workspaceId") String workspaceId, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM block WHERE workspace_id = :workspaceId ORDER BY created_at, id")
    List<BlockRow> list(@Bind("workspaceId") String workspaceId);

    @SqlQuery("SELECT " + COLUMNS + " FROM block WHERE data_source_id = :dataSourceId ORDER BY created_at, id")
    List<BlockRow> ofDataSource(@Bind("dataSourceId") String dataSourceId);

    @SqlUpdate("DELETE FROM block WHERE workspace_id = :workspaceId AND id = :id")
    int delete(@Bind("workspaceId") String workspaceId, @Bind("id") String id);

    @SqlUpdate("INSERT INTO block_value (block_id, recorded_at, widget_data) VALUES (:blockId, :recordedAt, CAST(:widgetData AS jsonb)) "
            + "ON CONFLICT (block_id, recorded_at) DO NOTHING")
    void recordValue(@Bind("blockId") String blockId, @Bind("recordedAt") Instant recordedAt, @Bind("widgetData") String widgetData);

    /** A block's workspace and current widget data, whichever workspace it is in (for delivering a change). */
    @SqlQuery("SELECT workspace_id, widget_data::text AS widget_data FROM block WHERE id = :id")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(CurrentWidget.class)
    Optional<CurrentWidget> currentWidget(@Bind("id") String id);

    /** A block's workspace and its widget data as JSON text. */
    record CurrentWidget(String workspaceId, String widgetData) {
    }

    @SqlQuery("SELECT count(*) FROM block_value WHERE block_id = :blockId")
    int valueCount(@Bind("blockId") String blockId);
}
