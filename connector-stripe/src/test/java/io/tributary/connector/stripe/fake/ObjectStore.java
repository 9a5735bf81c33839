package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored objects of one type. Nodes are never changed once stored (a write replaces the
 * node), so readers need no lock; the list order is a snapshot rebuilt after writes.
 */
final class ObjectStore {

    /** Newest first; objects created in the same second keep the later-stored one first. */
    private static final Comparator<Stored> NEWEST_FIRST =
            Comparator.comparingLong(Stored::sortValue).thenComparingLong(Stored::seq).reversed();
    private static final Comparator<Stored> STORED_ORDER = Comparator.comparingLong(Stored::seq);

    private final StripeObjectType type;
    private final Map<String, Stored> byId = new ConcurrentHashMap<>();
    private final Map<String, List<String>> childrenByParent = new HashMap<>();
    private long nextSeq;
    private volatile Ordered ordered;

    ObjectStore(StripeObjectType type) {
        this.type = type;
    }

    /** Stores a new object, or replaces one keeping its place among objects of the same second. */
    synchronized void put(String id, ObjectNode node, String parent) {
        Stored previous = byId.get(id);
        long seq = previous == null ? nextSeq++ : previous.seq();
        String owner = previous == null ? parent : previous.parent();
        byId.put(id, new Stored(node, seq, sortValue(node), owner));
        if (previous == null && parent != null) {
            childrenByParent.computeIfAbsent(parent, key -> new ArrayList<>()).add(id);
        }
        ordered = null;
    }

    synchronized void remove(String id) {
        Stored removed = byId.remove(id);
        if (removed != null && removed.parent() != null) {
            childrenByParent.getOrDefault(removed.parent(), new ArrayList<>()).remove(id);
        }
        ordered = null;
    }

    /** The stored node, which callers must not change; null when absent. */
    ObjectNode get(String id) {
        Stored stored = byId.get(id);
        return stored == null ? null : stored.node();
    }

    int size() {
        return byId.size();
    }

    /** Every id in list order: newest first, or stored order for types lists keep in order. */
    Ordered ordered() {
        Ordered snapshot = ordered;
        if (snapshot == null) {
            synchronized (this) {
                snapshot = ordered;
                if (snapshot == null) {
                    List<Stored> all = new ArrayList<>(byId.values());
                    all.sort(type.sortField().isEmpty() ? STORED_ORDER : NEWEST_FIRST);
                    List<String> ids = new ArrayList<>(all.size());
                    all.forEach(stored -> ids.add(stored.node().get("id").asText()));
                    snapshot = Ordered.of(ids);
                    ordered = snapshot;
                }
            }
        }
        return snapshot;
    }

    /** The ids stored under a parent (a subscription's items, an invoice's lines), in stored order. */
    synchronized Ordered children(String parent) {
        return Ordered.of(List.copyOf(childrenByParent.getOrDefault(parent, List.of())));
    }

    private long sortValue(ObjectNode node) {
        JsonNode value = type.sortField().isEmpty() ? null : node.get(type.sortField());
        return value == null || value.isNull() ? 0 : value.asLong();
    }

    private record Stored(ObjectNode node, long seq, long sortValue, String parent) {
    }

    /** Ids in list order, with each id's position for cursor look-ups. */
    record Ordered(List<String> ids, Map<String, Integer> positions) {
        static Ordered of(List<String> ids) {
            Map<String, Integer> positions = new LinkedHashMap<>(ids.size() * 2);
            for (int i = 0; i < ids.size(); i++) {
                positions.put(ids.get(i), i);
            }
            return new Ordered(List.copyOf(ids), positions);
        }
    }
}
