package io.tributary.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for an event the server reports (a refresh completed, the scheduler idle): the timeout only
 * bounds a test whose event never comes, so it is generous; nothing waits a fixed time.
 */
final class Await {

    private Await() {
    }

    static void event(CompletableFuture<?> event, Duration timeout, String what) {
        try {
            event.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + ": did not happen within " + timeout, e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + ": failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted while waiting", e);
        }
    }
}
