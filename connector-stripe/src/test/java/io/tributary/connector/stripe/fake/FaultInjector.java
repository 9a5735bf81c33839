package io.tributary.connector.stripe.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Failures on demand: the next N requests under a path fail or drop, and every response can be slowed. */
final class FaultInjector {

    private final List<PendingFault> pending = new ArrayList<>();
    private volatile Duration latency = Duration.ZERO;

    synchronized void failNext(String pathPrefix, int count, int status, boolean shouldRetry) {
        ApiResponse response = StripeErrors.injected(status).withHeader("Stripe-Should-Retry", Boolean.toString(shouldRetry));
        pending.add(new PendingFault(pathPrefix, count, response));
    }

    synchronized void failNext(String pathPrefix, int count, int status) {
        pending.add(new PendingFault(pathPrefix, count, StripeErrors.injected(status)));
    }

    synchronized void dropNext(String pathPrefix, int count) {
        pending.add(new PendingFault(pathPrefix, count, ApiResponse.connectionReset()));
    }

    synchronized void clear() {
        pending.clear();
        latency = Duration.ZERO;
    }

    /** The failure planned for this request, if any, used up. Plans apply in the order made. */
    synchronized Optional<ApiResponse> take(String path) {
        for (Iterator<PendingFault> it = pending.iterator(); it.hasNext();) {
            PendingFault fault = it.next();
            if (path.startsWith(fault.pathPrefix)) {
                fault.remaining--;
                if (fault.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(fault.response);
            }
        }
        return Optional.empty();
    }

    void latency(Duration perRequest) {
        if (perRequest.isNegative()) {
            throw new IllegalArgumentException("Latency cannot be negative");
        }
        this.latency = perRequest;
    }

    Duration latency() {
        return latency;
    }

    private static final class PendingFault {
        private final String pathPrefix;
        private final ApiResponse response;
        private int remaining;

        PendingFault(String pathPrefix, int count, ApiResponse response) {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1");
            }
            this.pathPrefix = pathPrefix;
            this.remaining = count;
            this.response = response;
        }
    }
}
