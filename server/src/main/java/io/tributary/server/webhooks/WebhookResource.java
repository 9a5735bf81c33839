package io.tributary.server.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tributary.server.api.WebhookReceipt;
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

/**
 * {@code POST /webhooks/{type}/{dataSourceId}}: where a provider pushes its events. No token: the
 * provider's signature is the authentication. Answers quickly; the refresh runs after.
 */
@Path("/webhooks/{type}/{dataSourceId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Where providers push events; authenticated by the provider's signature, not a token")
public final class WebhookResource {

    /** Deliveries larger than this are refused before any signature work. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final WebhookReceiver receiver;

    public WebhookResource(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @POST
    @PublicEndpoint
    @Operation(operationId = "receiveWebhook", summary = "Receive a provider's webhook delivery (signed by the provider)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The delivery exactly as the provider sent it, at most 1 MiB",
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(types = "string", format = "binary")))
    @ApiResponse(responseCode = "200", description = "Accepted; the refresh runs after the answer", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = """
            - `webhook_signature_invalid`: the signature is missing or does not match
            - `webhook_timestamp_out_of_tolerance`: the signed timestamp is too old or in the future
            - `webhook_payload_malformed`: the body is not a delivery the connector understands""")
    @ApiResponse(responseCode = "404", description = "- `not_found`: no data source of this type by this id")
    @ApiResponse(responseCode = "409", description = """
            - `webhooks_not_enabled`: the data source has no webhook secret
            - `credentials_unreadable`: the stored webhook secret cannot be decrypted""")
    @ApiResponse(responseCode = "429", description = """
            - `webhook_rate_limited`: too many refused deliveries to this endpoint; try again after `Retry-After` seconds""")
    public WebhookReceipt receive(@PathParam("type") String type, @PathParam("dataSourceId") String dataSourceId,
                                       @Context HttpHeaders headers, InputStream body) throws IOException {
        byte[] bytes = readLimited(body);
        WebhookReceiver.Outcome outcome = receiver.receive(type, dataSourceId, headers.getRequestHeaders(), bytes);
        return new WebhookReceipt(outcome.events(), outcome.duplicates());
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
