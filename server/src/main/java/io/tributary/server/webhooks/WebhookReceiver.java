package io.tributary.server.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.audit.AuditActors;
import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.server.core.WebhookSigningSecrets;
import io.tributary.server.db.BlockDao;
import io.tributary.server.db.BlockRow;
import io.tributary.server.db.DataSourceDao;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.db.DatasetStreamDao;
import io.tributary.server.db.DatasetStreamRow;
import io.tributary.server.db.PendingRefreshDao;
import io.tributary.server.db.VerificationInputs;
import io.tributary.server.limits.TokenBuckets;
import io.tributary.server.mirror.PushedStreams;
import io.tributary.server.problems.Conflict;
import io.tributary.server.problems.NotFound;
import io.tributary.server.problems.RateLimited;
import io.tributary.server.scheduling.RefreshQueue;
import io.tributary.server.scheduling.RefreshScheduler;
import io.tributary.server.sources.ConnectorContexts;
import io.tributary.server.sources.CredentialsUnreadable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Takes a webhook delivery: verifies its signature before anything else (no credential is opened,
 * nothing stored, audited or queued for a delivery that fails; it is only counted, and once a
 * source's refusals pass their rate, deliveries are answered 429 unchecked, so a flood of forgeries
 * costs no CPU; genuine deliveries never drain that budget, and the provider retries a 429), then records its events (a repeated event id is ignored) and
 * queues a refresh of only the bindings the events make stale, in one transaction; the refresh runs
 * after the answer, and only it opens the API key. Events that touch mirrored streams also ask for a
 * dataset sync, which applies them from the change feed.
 */
public final class WebhookReceiver {

    /** What a delivery did. */
    public record Outcome(int events, int duplicates) {
    }

    private static final ObjectMapper FIELDS = new ObjectMapper();

    private final Jdbi jdbi;
    private final ConnectorRegistry connectors;
    private final ConnectorContexts contexts;
    private final WebhookSigningSecrets signingSecrets;
    private final TokenBuckets refusals;
    private final WebhookMetrics metrics;
    private final RefreshScheduler scheduler;
    private final PushedStreams pushedStreams;

    public WebhookReceiver(Jdbi jdbi, ConnectorRegistry connectors, ConnectorContexts contexts, WebhookSigningSecrets signingSecrets,
                           TokenBuckets refusals, WebhookMetrics metrics, RefreshScheduler scheduler, PushedStreams pushedStreams) {
        this.pushedStreams = pushedStreams;
        this.jdbi = jdbi;
        this.connectors = connectors;
        this.contexts = contexts;
        this.signingSecrets = signingSecrets;
        this.refusals = refusals;
        this.metrics = metrics;
        this.scheduler = scheduler;
    }

    public Outcome receive(String type, String dataSourceId, Map<String, List<String>> headers, byte[] body) {
        Optional<DataSourceRow> found = jdbi.withExtension(DataSourceDao.class, sources -> sources.findAnyWorkspace(dataSourceId))
                .filter(row -> row.type().equals(type));
        if (found.isEmpty()) {
            signingSecrets.forget(dataSourceId);
            refusals.forget(dataSourceId);
            throw new NotFound("Webhook endpoint");
        }
        DataSourceRow source = found.get();
        InstalledConnector connector = connectors.find(type).filter(InstalledConnector::acceptsWebhooks)
                .orElseThrow(() -> new NotFound("Webhook endpoint"));
        if (!source.hasWebhookSecret()) {
            throw new Conflict("webhooks_not_enabled", null,
                    "This data source has no webhook signing secret: add one to receive webhooks");
        }
        if (!refusals.hasToken(source.id())) {
            metrics.rateLimited();
            throw new RateLimited("webhook_rate_limited",
                    "Too many deliveries to this endpoint failed their signature check: try again later", refusals.retryAfter());
        }
        // system:<type>Webhook: the audit rows name the connector the delivery came through.
        String actor = AuditActors.system(type + "Webhook");
        List<WebhookEvent> events = verify(connector, source, headers, body, actor);
        metrics.accepted();

        Instant now = contexts.now();
        int[] duplicates = new int[1];
        boolean[] mirrorStale = new boolean[1];
        boolean queued = jdbi.inTransaction(handle -> {
            PendingRefreshDao queue = handle.attach(PendingRefreshDao.class);
            Set<String> stale = new HashSet<>();
            Set<String> staleStreams = new HashSet<>();
            List<WebhookEvent> fresh = new ArrayList<>();
            for (WebhookEvent event : events) {
                if (queue.recordWebhookEvent(source.id(), event.id(), event.type(), now) == 0) {
                    duplicates[0]++;
                } else {
                    fresh.add(event);
                    stale.addAll(event.staleQueryTypes());
                    staleStreams.addAll(event.staleStreams());
                }
            }
            List<DatasetStreamRow> datasets = handle.attach(DatasetStreamDao.class).list(source.id());
            if (pushedStreams.store(handle, source.id(), connector, fresh) > 0
                    && !PushedStreams.allKept(connector, datasets.stream().map(DatasetStreamRow::stream).collect(Collectors.toSet()))) {
                pushedStreams.keep(handle, source.id(), connector, now); // a source older than its connector's pushed streams
            }
            Set<String> mirrored = datasets.stream()
                    .filter(DatasetStreamRow::incremental).map(DatasetStreamRow::stream).collect(Collectors.toSet());
            mirrorStale[0] = staleStreams.stream().anyMatch(mirrored::contains);
            Set<String> bound = handle.attach(BlockDao.class).ofDataSource(source.id()).stream().map(BlockRow::queryType)
                    .collect(Collectors.toSet());
            stale.retainAll(bound);
            if (stale.isEmpty()) {
                return false;
            }
            RefreshQueue.enqueue(handle, source.id(), stale, actor, now);
            return true;
        });
        if (queued) {
            scheduler.refreshAfterBurst(source.id());
        }
        if (mirrorStale[0]) {
            // The mirror follows the change feed, which now holds these events: read it soon.
            scheduler.syncDatasetsAfterEvent(source.id());
        }
        return new Outcome(events.size(), duplicates[0]);
    }

    private static Map<String, String> verificationFields(DataSourceRow source, VerificationInputs inputs) {
        try {
            return FIELDS.readValue(inputs.webhookFields(), new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored verification fields of " + source.id() + " are not a JSON object", e);
        }
    }

    /** The delivery's events, if its signature holds; a refusal is counted, and nothing else happens. */
    private List<WebhookEvent> verify(InstalledConnector connector, DataSourceRow source, Map<String, List<String>> headers,
                                      byte[] body, String actor) {
        // One read for what verification needs beside the row: the plain fields and any replaced secret.
        VerificationInputs inputs = jdbi.withExtension(DataSourceDao.class, sources -> sources.verificationInputs(source.id(), contexts.now()))
                .orElseThrow(() -> new NotFound("Webhook endpoint"));
        List<String> secrets;
        try {
            secrets = signingSecrets.secretsOf(source, inputs.previous(), actor);
        } catch (CredentialsUnreadable e) {
            // Each attempt is an audited failed decryption: past the refusal rate, deliveries get 429 unchecked.
            refusals.drain(source.id());
            throw e;
        }
        WebhookRequest request = new WebhookRequest(body, headers, secrets);
        try {
            return connector.webhooks().orElseThrow().verify(contexts.forWebhook(verificationFields(source, inputs)), request);
        } catch (ConnectorException e) {
            if (e.kind() == ErrorKind.WEBHOOK_REJECTED) {
                refusals.drain(source.id());
                metrics.refused();
                jdbi.useExtension(DataSourceDao.class, sources -> sources.countRefusedWebhook(source.id(), contexts.now()));
            }
            throw e;
        }
    }
}
