package io.tributary.server.webhooks;

import io.tributary.server.auth.PublicEndpoint;
import io.tributary.server.errors.ApiException;
import io.tributary.server.http.RefusedBody;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code POST /webhooks/{type}/{dataSourceId}}: where a provider pushes its events. No token: the
 * provider's signature is the authentication. Answers quickly; the refresh runs after.
 */
@Path("/webhooks/{type}/{dataSourceId}")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookResource {

    /** Deliveries larger than this are refused before any signature work. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final WebhookReceiver receiver;

    public WebhookResource(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @POST
    @PublicEndpoint
    public Map<String, Object> receive(@PathParam("type") String type, @PathParam("dataSourceId") String dataSourceId,
                                       @Context HttpHeaders headers, InputStream body) throws IOException {
        byte[] bytes = readLimited(body);
        WebhookReceiver.Outcome outcome = receiver.receive(type, dataSourceId, headers.getRequestHeaders(), bytes);
        return Map.of("received", outcome.events(), "duplicates", outcome.duplicates());
    }

    /** Reads the body, refusing with 413 as soon as it passes the limit: the HTTP layer's guard, before the receiver sees anything. */
    static byte[] readLimited(InputStream body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = body.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            if (out.size() > MAX_BODY_BYTES) {
                RefusedBody.drain(body);
                throw new ApiException(413, "request_too_large", "A webhook delivery may be at most 1 MiB", null);
            }
        }
        return out.toByteArray();
    }
}
