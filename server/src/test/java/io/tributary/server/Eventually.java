package io.tributary.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what the server does in the background (scheduled jobs, webhooks) by polling. */
final class Eventually {

    private Eventually() {
    }

    /** Whether the condition held within the timeout; checks every 50 ms, and once more at the end. */
    static boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
