package io.tributary.server.resources;

import static io.tributary.server.resources.WorkspaceResource.caller;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tributary.server.api.BlockList;
import io.tributary.server.api.BlockRequest;
import io.tributary.server.api.BlockView;
import io.tributary.server.api.HistoryView;
import io.tributary.server.auth.ReadScope;
import io.tributary.server.core.BlockService;
import io.tributary.server.core.Caller;
import io.tributary.server.core.WidgetEvents;
import io.tributary.server.db.BlockRow;
import io.tributary.server.errors.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/v1/blocks}: widgets bound to queries, kept fresh by the server. */
@Path("/api/v1/blocks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Blocks", description = "Widgets bound to queries, kept fresh by the server; read tokens may read them")
public final class BlockResource {

    private static final com.fasterxml.jackson.databind.ObjectMapper BOARD_EVENT = new com.fasterxml.jackson.databind.ObjectMapper();

    private static final Logger LOG = LoggerFactory.getLogger(BlockResource.class);

    private final BlockService blocks;
    private final WidgetEvents events;

    public BlockResource(BlockService blocks, WidgetEvents events) {
        this.blocks = blocks;
        this.events = events;
    }

    @POST
    @Operation(operationId = "createBlock", summary = "Create a block; it is refreshed once before the answer")
    @ApiResponse(responseCode = "201", description = "The block, refreshed: a failed refresh is in `lastErrorCode`, not an error",
            content = @Content(schema = @Schema(implementation = BlockView.class)))
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "422", description = """
            - `invalid_request`: the binding or widget is incomplete, or names no data source of the workspace (`field` names it)
            - `unknown_query_type`: `binding.queryConfig.type` is not a query of the source's connector
            - `invalid_parameter`: a query parameter is missing, of the wrong type or out of range (`field` names it)""")
    public Response create(@Context SecurityContext security, BlockRequest request) {
        return Response.status(201).entity(blocks.create(caller(security), request)).build();
    }

    /** The widget data a block would show, checked and answered without saving: the editor's live preview. */
    @POST
    @Path("/preview")
    @Operation(operationId = "previewBlock", summary = "The widget data a block would show now, checked as a save is; nothing is saved")
    @ApiResponse(responseCode = "200", description = "The widget as the projection makes it of the answer now", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "422", description = """
            - `invalid_request`: the binding or widget is incomplete, or names no data source of the workspace (`field` names it)
            - `unknown_query_type`: `binding.queryConfig.type` is not a query of the source's connector
            - `invalid_parameter`: a query parameter is missing, of the wrong type or out of range (`field` names it)""")
    public io.tributary.server.api.BlockPreview preview(@Context SecurityContext security, BlockRequest request) {
        return blocks.preview(caller(security), request);
    }

    @GET
    @ReadScope
    @Operation(operationId = "listBlocks", summary = "The workspace's blocks")
    @ApiResponse(responseCode = "200", description = "The blocks", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    public BlockList list(@Context SecurityContext security) {
        return new BlockList(blocks.list(caller(security)));
    }

    @GET
    @ReadScope
    @Path("/{id}")
    @Operation(operationId = "getBlock", summary = "A block, with its current widget data")
    @ApiResponse(responseCode = "200", description = "The block", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no block by this id in the token's workspace")
    public BlockView get(@Context SecurityContext security, @PathParam("id") String id) {
        return blocks.get(caller(security), id);
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "replaceBlock", summary = "Replace a block's binding and widget; it is refreshed once before the answer")
    @ApiResponse(responseCode = "200", description = "The block, refreshed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no block by this id in the token's workspace")
    @ApiResponse(responseCode = "422", description = """
            - `invalid_request`: the binding or widget is incomplete, or names no data source of the workspace (`field` names it)
            - `unknown_query_type`: `binding.queryConfig.type` is not a query of the source's connector
            - `invalid_parameter`: a query parameter is missing, of the wrong type or out of range (`field` names it)""")
    public BlockView replace(@Context SecurityContext security, @PathParam("id") String id, BlockRequest request) {
        return blocks.replace(caller(security), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteBlock", summary = "Delete a block")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no block by this id in the token's workspace")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        blocks.delete(caller(security), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/refresh")
    @Operation(operationId = "refreshBlock", summary = "Refresh a block now")
    @ApiResponse(responseCode = "200", description = "The block, refreshed: a failed refresh is in `lastErrorCode`, not an error", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no block by this id in the token's workspace")
    public BlockView refresh(@Context SecurityContext security, @PathParam("id") String id) {
        return blocks.refresh(caller(security), id);
    }

    /**
     * Server-Sent Events: one {@code widget} event with the widget data each time it changes. The
     * stream starts with the current data, so a client never waits for the first change.
     */
    @GET
    @ReadScope
    @Path("/{id}/history")
    @Operation(operationId = "getBlockHistory", summary = "A block's numeric widget values over [from, to], last/min/max per step")
    @ApiResponse(responseCode = "200", description = "One series per numeric field", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no block by this id in the token's workspace")
    @ApiResponse(responseCode = "422", description = "- `invalid_request`: `from`, `to` or `step` is invalid, or gives too many points (`field` names it)")
    public HistoryView history(@Context SecurityContext security, @PathParam("id") String id,
                               @Parameter(description = "The window's start (ISO-8601), or a length before `to` (`24h`, `30d`); by default a week before `to`", example = "2026-03-01T00:00:00Z")
                               @QueryParam("from") String from,
                               @Parameter(description = "The window's end, included (ISO-8601); by default now", example = "2026-03-02T00:00:00Z")
                               @QueryParam("to") String to,
                               @Parameter(description = "Each point's step: seconds, or a number with s, m, h or d; by default one that gives "
                                       + "about 200 points", example = "1h")
                               @QueryParam("step") String step) {
        return blocks.history(caller(security), id, from, to, step);
    }

    @GET
    @ReadScope
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamBlockEvents", summary = "Server-Sent Events: a `widget` event with the widget data, at once and on each change")
    @ApiResponse(responseCode = "200", description = "The event stream; each `widget` event's data is the widget data as JSON",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(types = "string",
                    example = "event: widget\ndata: {\"label\":\"Balance\",\"value\":1250075}\n\n")))
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no block by this id in the token's workspace")
    @ApiResponse(responseCode = "429", description = """
            - `too_many_event_streams`: this token holds as many event streams open as it may: close one first""")
    public void events(@Context SecurityContext security, @PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        Caller caller = caller(security);
        BlockRow block = blocks.find(caller, id);
        SinkListener listener = new SinkListener(false, sink, sse, events);
        if (!events.subscribe(block.id(), caller.actor(), listener)) {
            throw ApiException.tooManyRequests("too_many_event_streams",
                    "This token holds as many event streams open as it may: close one first", Duration.ofSeconds(5));
        }
        // Read before subscribing: a change delivered since is newer, and then this one is not sent.
        listener.start(new WidgetEvents.Change(block.workspaceId(), block.id(), BlockService.widgetData(block)));
    }

    /**
     * Server-Sent Events for a whole board: one {@code widget} event per change of any of the
     * workspace's blocks, as {@code {"blockId", "data"}}, starting with each block's current data;
     * a block created while the stream is open arrives with its first refresh. One stream, so a
     * page showing many widgets holds one connection, not one per widget.
     */
    @GET
    @ReadScope
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamBoardEvents",
            summary = "Server-Sent Events for every block of the workspace: a `widget` event per block at once, then on each change")
    @ApiResponse(responseCode = "200", description = "The event stream; each `widget` event's data is `{\"blockId\", \"data\"}` as JSON",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(types = "string",
                    example = "event: widget\ndata: {\"blockId\":\"blk_8TqZ2mW4xYvN0pLs\",\"data\":{\"value\":\"$1,250.75\"}}\n\n")))
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "429", description = """
            - `too_many_event_streams`: this token holds as many event streams open as it may: close one first""")
    public void boardEvents(@Context SecurityContext security, @Context SseEventSink sink, @Context Sse sse) {
        Caller caller = caller(security);
        String workspaceId = blocks.workspaceOf(caller);
        SinkListener listener = new SinkListener(true, sink, sse, events);
        // Subscribed before reading the blocks: a change in between is sent, and then its older data is not.
        if (!events.subscribeBoard(workspaceId, caller.actor(), listener)) {
            throw ApiException.tooManyRequests("too_many_event_streams",
                    "This token holds as many event streams open as it may: close one first", Duration.ofSeconds(5));
        }
        List<BlockRow> board = blocks.rows(caller);
        board.forEach(row -> listener.start(new WidgetEvents.Change(row.workspaceId(), row.id(), BlockService.widgetData(row))));
        if (board.isEmpty()) {
            // An empty board still answers at once, so the client knows the stream is open.
            sink.send(sse.newEventBuilder().comment("no blocks").build());
        }
    }

    /**
     * Forwards changes to one client's event stream, each widget data once: a change that carries
     * the data the client already has (a refresh that changed nothing, a notice that arrived late)
     * is not sent again. Leaves when the client does.
     */
    private static final class SinkListener implements WidgetEvents.Listener {
        private final boolean board;
        private final SseEventSink sink;
        private final Sse sse;
        private final WidgetEvents events;
        private final Map<String, String> lastSent = new HashMap<>();

        /** @param board whether events name their block ({@code {"blockId", "data"}}) or carry the data alone */
        SinkListener(boolean board, SseEventSink sink, Sse sse, WidgetEvents events) {
            this.board = board;
            this.sink = sink;
            this.sse = sse;
            this.events = events;
        }

        /** The data as the stream opened: sent unless a newer change already was. */
        synchronized void start(WidgetEvents.Change current) {
            if (!lastSent.containsKey(current.blockId())) {
                send(current);
            }
        }

        @Override
        public synchronized void onChange(WidgetEvents.Change change) {
            if (sink.isClosed()) {
                events.unsubscribe(this);
                return;
            }
            send(change);
        }

        private void send(WidgetEvents.Change change) {
            String data = change.widgetData() == null ? "{}" : change.widgetData().toString();
            if (data.equals(lastSent.get(change.blockId()))) {
                return;
            }
            lastSent.put(change.blockId(), data);
            String payload = board ? BOARD_EVENT.createObjectNode().put("blockId", change.blockId())
                    .set("data", change.widgetData() == null ? BOARD_EVENT.createObjectNode() : change.widgetData()).toString() : data;
            sink.send(sse.newEventBuilder().name("widget").mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, payload).build())
                    .exceptionally(failure -> {
                        close();
                        return null;
                    });
        }

        @Override
        public boolean heartbeat() {
            if (sink.isClosed()) {
                return false;
            }
            sink.send(sse.newEventBuilder().comment("heartbeat").build()).exceptionally(failure -> {
                close();
                return null;
            });
            return true;
        }

        @Override
        public void close() {
            events.unsubscribe(this);
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing an event stream failed", e);
            }
        }
    }
}
