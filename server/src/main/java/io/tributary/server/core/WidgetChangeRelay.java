package io.tributary.server.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.lifecycle.Managed;
import io.tributary.server.db.BlockDao;
import io.tributary.server.db.WidgetChangeDao;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries widget changes between nodes with PostgreSQL's NOTIFY: a refresh announces the block in
 * its own transaction (so only committed data is announced), and every node LISTENs and delivers
 * the block's new data to its local listeners. A single node uses the same path, so one test of it
 * covers both.
 */
public final class WidgetChangeRelay implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(WidgetChangeRelay.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final WidgetEvents events;
    private volatile boolean running;
    private Thread listener;

    public WidgetChangeRelay(Jdbi jdbi, WidgetEvents events) {
        this.jdbi = jdbi;
        this.events = events;
    }

    /** Announces a block's change when the handle's transaction commits. */
    public static void announce(Handle handle, String blockId) {
        handle.attach(WidgetChangeDao.class).announce(blockId);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "widget-change-relay");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        if (listener != null) {
            listener.interrupt();
            listener.join(5_000);
        }
    }

    private void listen() {
        while (running) {
            // A handle of its own, held open: notifications arrive on the connection that listens.
            try (Handle handle = jdbi.open()) {
                handle.attach(WidgetChangeDao.class).listen();
                PGConnection postgres = handle.getConnection().unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Lost the widget change listener's connection; reconnecting: {}", e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    private void deliver(String blockId) {
        if (!events.anyoneListens(blockId)) {
            return;
        }
        Optional<BlockDao.CurrentWidget> current = jdbi.withExtension(BlockDao.class, blocks -> blocks.currentWidget(blockId));
        current.ifPresent(widget -> {
            try {
                events.deliver(new WidgetEvents.Change(widget.workspaceId(), blockId, (ObjectNode) JSON.readTree(widget.widgetData())));
            } catch (Exception e) {
                LOG.warn("Could not deliver a change of block {}: {}", blockId, e.getMessage());
            }
        });
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
