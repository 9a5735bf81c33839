package io.tributary.server.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.lifecycle.Managed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells whoever listens that a block's widget data changed: the Server-Sent Events endpoints
 * subscribe to one block, or to a whole workspace's board (every block it has, and every block
 * it gains while the stream is open). In-process; a refresh on another node reaches this node's
 * listeners through {@link WidgetChangeRelay}. Listeners are sent a heartbeat every 15 s, so a
 * client that went away is noticed and dropped, and all are closed when the server stops.
 */
public final class WidgetEvents implements Managed {

    /** One change: the block, its workspace, and its new widget data. */
    public record Change(String workspaceId, String blockId, ObjectNode widgetData) {
    }

    /** A subscriber: receives changes and heartbeats; closed when it fails or the server stops. */
    public interface Listener extends AutoCloseable {
        void onChange(Change change);

        /** Sends something small, so a dead connection shows; returns false when it is closed. */
        boolean heartbeat();

        @Override
        void close();
    }

    /** What one listener is subscribed to, and on whose behalf. */
    private record Subscription(String owner, String blockId, String workspaceId) {
    }

    private final Map<String, Set<Listener>> byBlock = new ConcurrentHashMap<>();
    private final Map<String, Set<Listener>> byWorkspace = new ConcurrentHashMap<>();
    private final Map<Listener, Subscription> subscriptions = new ConcurrentHashMap<>();
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
     * Subscribes a listener to one block on behalf of its owner (the caller's token), unless the
     * owner already holds {@code maxPerOwner} streams.
     *
     * @return whether it was subscribed
     */
    public boolean subscribe(String blockId, String owner, Listener listener) {
        return admit(owner, listener, new Subscription(owner, blockId, null), byBlock, blockId);
    }

    /**
     * Subscribes a listener to every block of a workspace, those it gains later too (a board's
     * stream), taking one of the owner's slots.
     *
     * @return whether it was subscribed
     */
    public boolean subscribeBoard(String workspaceId, String owner, Listener listener) {
        return admit(owner, listener, new Subscription(owner, null, workspaceId), byWorkspace, workspaceId);
    }

    private boolean admit(String owner, Listener listener, Subscription subscription, Map<String, Set<Listener>> index, String key) {
        boolean[] admitted = new boolean[1];
        openByOwner.compute(owner, (ignored, open) -> {
            int count = open == null ? 0 : open;
            admitted[0] = count < maxPerOwner;
            return admitted[0] ? count + 1 : open;
        });
        if (admitted[0]) {
            subscriptions.put(listener, subscription);
            index.computeIfAbsent(key, ignored -> ConcurrentHashMap.newKeySet()).add(listener);
        }
        return admitted[0];
    }

    /** Ends a listener's subscription; a second call (a failed send, then the close) does nothing. */
    public void unsubscribe(Listener listener) {
        Subscription subscription = subscriptions.remove(listener);
        if (subscription == null) {
            return;
        }
        if (subscription.blockId() != null) {
            remove(byBlock, subscription.blockId(), listener);
        } else {
            remove(byWorkspace, subscription.workspaceId(), listener);
        }
        openByOwner.computeIfPresent(subscription.owner(), (key, open) -> open <= 1 ? null : open - 1);
    }

    private static void remove(Map<String, Set<Listener>> index, String key, Listener listener) {
        index.computeIfPresent(key, (ignored, current) -> {
            current.remove(listener);
            return current.isEmpty() ? null : current;
        });
    }

    /** Delivers a change to this node's listeners of the block and of its workspace's board. */
    public void deliver(Change change) {
        Set<Listener> forBlock = byBlock.get(change.blockId());
        if (forBlock != null) {
            forBlock.forEach(listener -> listener.onChange(change));
        }
        Set<Listener> forBoard = change.workspaceId() == null ? null : byWorkspace.get(change.workspaceId());
        if (forBoard != null) {
            forBoard.forEach(listener -> listener.onChange(change));
        }
    }

    /** Whether a change of this block would reach anyone on this node (its own listeners, or any board). */
    public boolean anyoneListens(String blockId) {
        return byBlock.containsKey(blockId) || !byWorkspace.isEmpty();
    }

    @Override
    public void start() {
        heartbeats.scheduleAtFixedRate(this::beat, 15, 15, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        heartbeats.shutdownNow();
        List.copyOf(subscriptions.keySet()).forEach(Listener::close);
        byBlock.clear();
        byWorkspace.clear();
        subscriptions.clear();
        openByOwner.clear();
    }

    private void beat() {
        List.copyOf(subscriptions.keySet()).forEach(listener -> {
            if (!listener.heartbeat()) {
                listener.close(); // unsubscribes it, releasing its owner's slot
            }
        });
    }
}
