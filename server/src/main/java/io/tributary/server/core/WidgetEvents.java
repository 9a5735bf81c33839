package io.tributary.server.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.lifecycle.Managed;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells whoever listens that a block's widget data changed: the Server-Sent Events endpoint
 * subscribes per block. In-process; a refresh on another node reaches this node's listeners
 * through {@link WidgetChangeRelay}. Listeners are sent a heartbeat every 15 s, so a client that
 * went away is noticed and dropped, and all are closed when the server stops.
 */
public final class WidgetEvents implements Managed {

    /** One change: the block and its new widget data. */
    public record Change(String blockId, ObjectNode widgetData) {
    }

    /** A subscriber: receives changes and heartbeats; closed when it fails or the server stops. */
    public interface Listener extends AutoCloseable {
        void onChange(Change change);

        /** Sends something small, so a dead connection shows; returns false when it is closed. */
        boolean heartbeat();

        @Override
        void close();
    }

    private final Map<String, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "widget-event-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public void subscribe(String blockId, Listener listener) {
        listeners.computeIfAbsent(blockId, id -> ConcurrentHashMap.newKeySet()).add(listener);
    }

    public void unsubscribe(String blockId, Listener listener) {
        listeners.computeIfPresent(blockId, (id, current) -> {
            current.remove(listener);
            return current.isEmpty() ? null : current;
        });
    }

    /** Delivers a change to this node's listeners of the block. */
    public void deliver(Change change) {
        Set<Listener> forBlock = listeners.get(change.blockId());
        if (forBlock != null) {
            forBlock.forEach(listener -> listener.onChange(change));
        }
    }

    public int listenerCount(String blockId) {
        Set<Listener> forBlock = listeners.get(blockId);
        return forBlock == null ? 0 : forBlock.size();
    }

    @Override
    public void start() {
        heartbeats.scheduleAtFixedRate(this::beat, 15, 15, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        heartbeats.shutdownNow();
        listeners.forEach((blockId, set) -> set.forEach(Listener::close));
        listeners.clear();
    }

    private void beat() {
        listeners.forEach((blockId, set) -> set.removeIf(listener -> {
            boolean alive = listener.heartbeat();
            if (!alive) {
                listener.close();
            }
            return !alive;
        }));
    }
}
