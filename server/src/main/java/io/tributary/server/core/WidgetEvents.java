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
    private final Map<Listener, String> owners = new ConcurrentHashMap<>();
    private final Map<String, Integer> openByOwner = new ConcurrentHashMap<>();
    private final int maxPerOwner;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "widget-event-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /** @param maxPerOwner how many streams one owner (a token) may hold open at once */
    public WidgetEvents(int maxPerOwner) {
        this.maxPerOwner = maxPerOwner;
    }

    /**
     * Subscribes a listener on behalf of its owner (the caller's token), unless the owner already
     * holds {@code maxPerOwner} streams.
     *
     * @return whether it was subscribed
     */
    public boolean subscribe(String blockId, String owner, Listener listener) {
        return subscribe(java.util.List.of(blockId), owner, listener);
    }

    /**
     * Subscribes one listener to several blocks (a board's stream), taking one of the owner's
     * slots, unless the owner already holds {@code maxPerOwner} streams.
     *
     * @return whether it was subscribed
     */
    public boolean subscribe(java.util.Collection<String> blockIds, String owner, Listener listener) {
        boolean[] admitted = new boolean[1];
        openByOwner.compute(owner, (key, open) -> {
            int count = open == null ? 0 : open;
            admitted[0] = count < maxPerOwner;
            return admitted[0] ? count + 1 : open;
        });
        if (admitted[0]) {
            owners.put(listener, owner);
            blockIds.forEach(blockId -> listeners.computeIfAbsent(blockId, id -> ConcurrentHashMap.newKeySet()).add(listener));
        }
        return admitted[0];
    }

    public void unsubscribe(String blockId, Listener listener) {
        unsubscribe(java.util.List.of(blockId), listener);
    }

    public void unsubscribe(java.util.Collection<String> blockIds, Listener listener) {
        blockIds.forEach(blockId -> listeners.computeIfPresent(blockId, (id, current) -> {
            current.remove(listener);
            return current.isEmpty() ? null : current;
        }));
        // Unsubscribing twice (a failed send, then the close) releases the owner's slot once.
        String owner = owners.remove(listener);
        if (owner != null) {
            openByOwner.computeIfPresent(owner, (key, open) -> open <= 1 ? null : open - 1);
        }
    }

    /** Streams the owner holds open on this node. */
    public int openStreams(String owner) {
        return openByOwner.getOrDefault(owner, 0);
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
        // Every open stream, a board's too (one listening to no block yet is in no block's set).
        java.util.List.copyOf(owners.keySet()).forEach(Listener::close);
        listeners.clear();
        owners.clear();
        openByOwner.clear();
    }

    private void beat() {
        // Each stream once, though a board's listens to several blocks, or to none.
        java.util.List.copyOf(owners.keySet()).forEach(listener -> {
            if (!listener.heartbeat()) {
                listener.close(); // unsubscribes it, releasing its owner's slot
            }
        });
    }
}
