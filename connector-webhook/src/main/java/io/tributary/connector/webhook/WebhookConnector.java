package io.tributary.connector.webhook;

import io.tributary.connector.spi.AccountIdentity;
import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.spi.Webhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The webhook connector: push-only. It has no sender to call; a source is its signing secret, its
 * scheme and the headers it keeps, checked together when saved. Deliveries are verified by
 * {@link DeliveryWebhooks}, kept by the host as the pushed stream {@code deliveries}, and every
 * query is answered from them ({@link DeliveryQueries}).
 */
final class WebhookConnector implements Connector {

    private final DeliveryWebhooks webhooks;
    private final DeliveryStream streams;

    WebhookConnector(WebhookSettings settings) {
        this.webhooks = new DeliveryWebhooks(settings.tolerance(),
                WebhookQueryTypes.all().stream().map(QueryType::id).collect(Collectors.toSet()));
        this.streams = new DeliveryStream(settings.retention());
    }

    @Override
    public CredentialCheck validateCredentials(ConnectorContext context) {
        Credentials credentials = context.credentials();
        String schemeName = credentials.find(WebhookCredentials.SCHEME).filter(value -> !value.isBlank()).orElse(SignatureScheme.DEFAULT);
        SignatureScheme scheme;
        try {
            scheme = SignatureScheme.named(schemeName);
            KeptHeaders.parse(credentials.find(WebhookCredentials.KEEP_HEADERS).orElse(null));
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
        String secret = credentials.find(WebhookCredentials.SECRET)
                .orElseThrow(() -> malformed("A signing secret is needed: paste the sender's, or leave it empty to have one generated"));
        if (!scheme.acceptsSecret(secret)) {
            throw malformed("The " + scheme.name() + " scheme needs a secret of the form whsec_ followed by Base64"
                    + " (leave it empty to have one generated)");
        }
        List<CapabilityStatus> capabilities = new ArrayList<>();
        WebhookQueryTypes.all().forEach(type -> capabilities.add(CapabilityStatus.available(CapabilityStatus.Kind.QUERY_TYPE, type.id())));
        capabilities.add(CapabilityStatus.available(CapabilityStatus.Kind.STREAM, DeliveryRecord.STREAM));
        // No sender to ask who it is: the account is the scheme the deliveries are signed with.
        return new CredentialCheck(new AccountIdentity("webhook:" + scheme.name(), true, "Signed deliveries (" + scheme.name() + ")"),
                capabilities, List.of());
    }

    @Override
    public void checkParameters(QueryRequest request) {
        for (String name : List.of(WebhookQueryTypes.PATH, WebhookQueryTypes.GROUP_BY)) {
            request.parameters().string(name).ifPresent(path -> parsePath(name, path));
        }
        request.parameters().string(WebhookQueryTypes.PATHS).ifPresent(paths -> List.of(paths.split(","))
                .forEach(path -> parsePath(WebhookQueryTypes.PATHS, path)));
    }

    /** Never called by the host, which answers every query from the kept deliveries; tools calling it learn why. */
    @Override
    public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
        checkParameters(request);
        throw new ConnectorException(StandardErrorCode.UNSUPPORTED_OPERATION,
                "Webhook queries are answered from the deliveries the server keeps, not from a sender");
    }

    @Override
    public Optional<Webhooks> webhooks() {
        return Optional.of(webhooks);
    }

    @Override
    public Optional<Streams> streams() {
        return Optional.of(streams);
    }

    private static void parsePath(String field, String path) {
        try {
            JsonPath.parse(path.trim());
        } catch (IllegalArgumentException e) {
            throw ConnectorException.invalidParameter(field, e.getMessage());
        }
    }

    private static ConnectorException malformed(String message) {
        return new ConnectorException(StandardErrorCode.CREDENTIALS_MALFORMED, message);
    }
}
