package io.tributary.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls until a condition holds (a value the API shows, a row written in the background). Not a way
 * to wait a fixed time: to check that nothing else happened, wait for the scheduler to go idle
 * ({@link TestServer#awaitIdle()}) and then check.
 */
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
