package io.tributary.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Says {@code Connection: close} on any answer given without reading the whole request body: a
 * refused token, a 404 from a method that takes no body, a 413. Jetty closes such a connection
 * once the answer is sent (the unread bytes may still be on their way) but does not say so, and a
 * keep-alive client then sends its next request into a closed connection and fails. Saying it lets
 * the client open a new connection instead.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public final class UnreadBodyGuard implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String COUNTER = UnreadBodyGuard.class.getName() + ".counter";

    @Override
    public void filter(ContainerRequestContext request) {
        if (declaresBody(request)) {
            Counting counting = new Counting(request.getEntityStream());
            request.setEntityStream(counting);
            request.setProperty(COUNTER, counting);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!declaresBody(request)) {
            return;
        }
        Counting counting = (Counting) request.getProperty(COUNTER);
        if (counting == null || !counting.readWhole(request.getLength())) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    private static boolean declaresBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    /** Counts what was read of the body, and whether its end was seen. */
    private static final class Counting extends FilterInputStream {
        private long read;
        private boolean ended;

        Counting(InputStream in) {
            super(in);
        }

        /** Whether the body was read to its end: its declared length, or the end of a chunked body. */
        boolean readWhole(long declaredLength) {
            return ended || (declaredLength >= 0 && read >= declaredLength);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                ended = true;
            } else {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                ended = true;
            } else {
                read += n;
            }
            return n;
        }
    }
}
