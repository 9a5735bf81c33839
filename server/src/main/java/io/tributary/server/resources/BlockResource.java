package io.tributary.server.resources;

import static io.tributary.server.resources.WorkspaceResource.caller;

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
    public Response create(@Context SecurityContext security, BlockRequest request) {
        return Response.status(201).entity(blocks.create(caller(security), request)).build();
    }

    /** The widget data a block would show, checked and answered without saving: the editor's live preview. */
    @POST
    @Path("/preview")
    public io.tributary.server.api.BlockPreview preview(@Context SecurityContext security, BlockRequest request) {
        return blocks.preview(caller(security), request);
    }

    @GET
    @ReadScope
    public Map<String, List<BlockView>> list(@Context SecurityContext security) {
        return Map.of("blocks", blocks.list(caller(security)));
    }

    @GET
    @ReadScope
    @Path("/{id}")
    public BlockView get(@Context SecurityContext security, @PathParam("id") String id) {
        return blocks.get(caller(security), id);
    }

    @PUT
    @Path("/{id}")
    public BlockView replace(@Context SecurityContext security, @PathParam("id") String id, BlockRequest request) {
        return blocks.replace(caller(security), id, request);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        blocks.delete(caller(security), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/refresh")
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
    public HistoryView history(@Context SecurityContext security, @PathParam("id") String id, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("step") String step) {
        return blocks.history(caller(security), id, from, to, step);
    }

    @GET
    @ReadScope
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SecurityContext security, @PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        Caller caller = caller(security);
        BlockRow block = blocks.find(caller, id);
        SinkListener listener = new SinkListener(List.of(block.id()), false, sink, sse, events);
        if (!events.subscribe(block.id(), caller.actor(), listener)) {
            throw ApiException.tooManyRequests("too_many_event_streams",
                    "This token holds as many event streams open as it may: close one first", Duration.ofSeconds(5));
        }
        // Read before subscribing: a change delivered since is newer, and then this one is not sent.
        listener.start(new WidgetEvents.Change(block.id(), BlockService.widgetData(block)));
    }

    /**
     * Server-Sent Events for a whole board: one {@code widget} event per change of any of the
     * workspace's blocks, as {@code {"blockId", "data"}}, starting with each block's current data.
     * One stream, so a page showing many widgets holds one connection, not one per widget; blocks
     * created after it opened are not in it (a client reconnects to see them).
     */
    @GET
    @ReadScope
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void boardEvents(@Context SecurityContext security, @Context SseEventSink sink, @Context Sse sse) {
        Caller caller = caller(security);
        List<BlockRow> board = blocks.rows(caller);
        SinkListener listener = new SinkListener(board.stream().map(BlockRow::id).toList(), true, sink, sse, events);
        if (!events.subscribe(listener.blockIds, caller.actor(), listener)) {
            throw ApiException.tooManyRequests("too_many_event_streams",
                    "This token holds as many event streams open as it may: close one first", Duration.ofSeconds(5));
        }
        board.forEach(row -> listener.start(new WidgetEvents.Change(row.id(), BlockService.widgetData(row))));
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
        private final List<String> blockIds;
        private final boolean board;
        private final SseEventSink sink;
        private final Sse sse;
        private final WidgetEvents events;
        private final Map<String, String> lastSent = new HashMap<>();

        /** @param board whether events name their block ({@code {"blockId", "data"}}) or carry the data alone */
        SinkListener(List<String> blockIds, boolean board, SseEventSink sink, Sse sse, WidgetEvents events) {
            this.blockIds = List.copyOf(blockIds);
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
                events.unsubscribe(blockIds, this);
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
            events.unsubscribe(blockIds, this);
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing an event stream failed", e);
            }
        }
    }
}
