package io.tributary.connector.host;

import java.util.function.Supplier;

/**
 * Runs code with a plugin's class loader as the thread's context class loader, then restores the
 * previous one: libraries inside a plugin (ServiceLoader users, JAXB, some JSON and logging
 * libraries) look classes up through it, and must find the plugin's, not the host's.
 */
public final class ContextClassLoader {

    private ContextClassLoader() {
    }

    /**
     * Calls an action with a context class loader.
     *
     * @param loader the loader, such as {@link LoadedPlugin#classLoader()}
     * @param action the action, for example a call into a plugin's connector
     * @param <T> what the action returns
     * @return what the action returned
     */
    public static <T> T call(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Runs an action with a context class loader.
     *
     * @param loader the loader
     * @param action the action
     */
    public static void run(ClassLoader loader, Runnable action) {
        call(loader, () -> {
            action.run();
            return null;
        });
    }
}
