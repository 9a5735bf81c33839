package io.tributary.audit;

/**
 * Thrown when an append finds the workspace's chain head tampered with. The log refuses to extend
 * the chain then, because sealing a new head on top of a forged one would launder the forgery.
 */
public final class AuditIntegrityException extends RuntimeException {

    /** Creates the exception with a message naming the workspace. */
    public AuditIntegrityException(String message) {
        super(message);
    }
}
