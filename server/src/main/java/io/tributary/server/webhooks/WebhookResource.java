package io.tributary.server.webhooks;

import io.tributary.server.auth.PublicEndpoint;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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

    private final WebhookReceiver receiver;

    public WebhookResource(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @POST
    @PublicEndpoint
    public Map<String, Object> receive(@PathParam("type") String type, @PathParam("dataSourceId") String dataSourceId,
                                       @Context HttpHeaders headers, InputStream body) throws IOException {
        byte[] bytes = WebhookReceiver.readLimited(body);
        WebhookReceiver.Outcome outcome = receiver.receive(type, dataSourceId, headers.getRequestHeaders(), bytes);
        return Map.of("received", outcome.events(), "duplicates", outcome.duplicates());
    }
}
