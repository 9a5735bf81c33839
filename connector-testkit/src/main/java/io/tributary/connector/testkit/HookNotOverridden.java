package io.tributary.connector.testkit;

/**
 * Thrown by a hook whose answer the kit needs from every connector that has the capability, so
 * leaving it out is a failure that says which hook to write, and opting out is explicit.
 */
final class HookNotOverridden extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HookNotOverridden(String hook) {
        super(hook);
    }

    /** The hook's name, such as {@code staleSignedWebhook()}. */
    String hook() {
        return getMessage();
    }
}
