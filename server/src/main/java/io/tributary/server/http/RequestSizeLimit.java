package io.tributary.server.http;

import io.tributary.server.errors.ApiError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over the limit with 413: at once when the declared length says so (after
 * dropping the body, when it is not much larger: {@link RefusedBody}), and while reading when a body
 * without a length grows past it, before any work on it.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestSizeLimit implements ContainerRequestFilter {

    private final long maxBytes;

    public RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            if (request.getLength() <= maxBytes + RefusedBody.DRAIN_LIMIT) {
                RefusedBody.drain(request.getEntityStream()); // so the client reads the 413 rather than a reset
            }
            request.abortWith(Response.status(413).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of("request_too_large", "The request body is larger than " + maxBytes + " bytes", null)).build());
            return;
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
    }

    /** Fails the read once more than the limit has been read. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new jakarta.ws.rs.WebApplicationException(413);
            }
        }
    }
}
