package io.tributary.connector.stripe.fake;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Requests per second, for the whole account and for each endpoint: a sliding window that admits
 * {@code ceil(rate)} requests per {@code ceil(rate) / rate} seconds. A refused request uses no
 * capacity, as with Stripe. A rate of 0 means no limit.
 */
final class RateLimiter {

    private double globalRate;
    private double endpointRate;
    private Window global;
    private final Map<String, Window> endpoints = new HashMap<>();

    synchronized void configure(double requestsPerSecondGlobal, double requestsPerSecondPerEndpoint) {
        if (requestsPerSecondGlobal < 0 || requestsPerSecondPerEndpoint < 0) {
            throw new IllegalArgumentException("Rates cannot be negative");
        }
        this.globalRate = requestsPerSecondGlobal;
        this.endpointRate = requestsPerSecondPerEndpoint;
        this.global = requestsPerSecondGlobal > 0 ? new Window(requestsPerSecondGlobal) : null;
        endpoints.clear();
    }

    /** Admits the request (and counts it) unless the account or the endpoint is over its rate. */
    synchronized boolean tryAcquire(String endpoint, long nanoTime) {
        Window perEndpoint = endpointRate > 0 ? endpoints.computeIfAbsent(endpoint, key -> new Window(endpointRate)) : null;
        if ((global != null && !global.hasRoom(nanoTime)) || (perEndpoint != null && !perEndpoint.hasRoom(nanoTime))) {
            return false;
        }
        if (global != null) {
            global.add(nanoTime);
        }
        if (perEndpoint != null) {
            perEndpoint.add(nanoTime);
        }
        return true;
    }

    private static final class Window {
        private final int capacity;
        private final long lengthNanos;
        private final ArrayDeque<Long> admitted = new ArrayDeque<>();

        Window(double rate) {
            this.capacity = (int) Math.ceil(rate);
            this.lengthNanos = (long) (capacity / rate * 1_000_000_000L);
        }

        boolean hasRoom(long now) {
            while (!admitted.isEmpty() && now - admitted.peekFirst() >= lengthNanos) {
                admitted.removeFirst();
            }
            return admitted.size() < capacity;
        }

        void add(long now) {
            admitted.addLast(now);
        }
    }
}
