package io.tributary.server.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and drops the rest of a body the server refuses as too large, up to a bound, before it
 * answers 413. A client still sending a body reads no answer when the server closes the connection
 * under it (it sees a reset, not the 413); draining a few MiB lets an ordinary client read why it
 * was refused, while a body past the bound still gets the connection closed on it.
 */
public final class RefusedBody {

    /** The most bytes read and dropped from one refused body. */
    public static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    private RefusedBody() {
    }

    /** Drops what is left of the body, up to {@link #DRAIN_LIMIT} bytes; a read failure just ends it. */
    public static void drain(InputStream body) {
        byte[] buffer = new byte[16 * 1024];
        long dropped = 0;
        try {
            int read;
            while (dropped < DRAIN_LIMIT && (read = body.read(buffer, 0, (int) Math.min(buffer.length, DRAIN_LIMIT - dropped))) >= 0) {
                dropped += read;
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or the stream refused more: the answer is sent all the same.
        }
    }
}
