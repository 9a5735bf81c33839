package io.tributary.server.core;

import io.tributary.server.sources.SourceStreams;
import io.tributary.connector.spi.StreamDescriptor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.host.CredentialsValidator;
import io.tributary.connector.host.GeneratedSecrets;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.ValidationProblem;
import io.tributary.server.api.DataSourceRequests;
import io.tributary.server.api.DataSourceView;
import io.tributary.server.db.DataSourceDao;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.db.DatasetStreamDao;
import io.tributary.server.db.DatasetStreamRow;
import io.tributary.server.db.SealedCredentials;
import io.tributary.server.db.SourceStatus;
import io.tributary.server.db.WorkspaceDao;
import io.tributary.server.db.WorkspaceRow;
import io.tributary.server.mirror.DatasetSelections;
import io.tributary.server.problems.Forbidden;
import io.tributary.server.problems.InvalidInput;
import io.tributary.server.problems.NotFound;
import io.tributary.server.sources.ConnectorContexts;
import io.tributary.server.sources.ConnectorFailures;
import io.tributary.server.sources.CredentialsUnreadable;
import io.tributary.server.sources.SourceOperation;
import io.tributary.server.sources.SourceOperations;
import io.tributary.server.sources.SplitCredentials;
import io.tributary.server.sources.StoredCredentials;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Data sources: credentials checked by the connector before anything is stored, stored only
 * encrypted, shown only as hints; plan limits enforced under the workspace's lock.
 */
public final class DataSourceService {

    static final Set<Integer> CADENCES = Set.of(5, 15, 60, 360, 1440);
    static final int DEFAULT_CADENCE = 60;
    /** The code of credentials the connector or the provider refused, whichever field is at fault. */
    static final String INVALID_CREDENTIALS = "invalid_credentials";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final ConnectorRegistry connectors;
    private final ConnectorContexts contexts;
    private final SourceOperations operations;
    private final StoredCredentials stored;
    private final AuditTrail audit;
    private final Plans plans;
    private final String publicUrl;
    private final DatasetCatalog datasets;
    private final Consumer<String> syncDatasetsSoon;
    /** How long a replaced webhook signing secret stays accepted beside the new one. */
    private final java.time.Duration secretOverlap;
    private final WebhookSigningSecrets webhookSecrets;
    private final GeneratedSecrets generatedSecrets = new GeneratedSecrets(new SecureRandom());

    public DataSourceService(Jdbi jdbi, ConnectorRegistry connectors, SourceOperations operations, StoredCredentials stored,
                             AuditTrail audit, Plans plans, String publicUrl, DatasetCatalog datasets, Consumer<String> syncDatasetsSoon,
                             WebhookSigningSecrets webhookSecrets, java.time.Duration secretOverlap) {
        this.webhookSecrets = webhookSecrets;
        this.secretOverlap = secretOverlap;
        this.datasets = datasets;
        this.syncDatasetsSoon = syncDatasetsSoon;
        this.jdbi = jdbi;
        this.connectors = connectors;
        this.operations = operations;
        this.contexts = operations.contexts();
        this.stored = stored;
        this.audit = audit;
        this.plans = plans;
        this.publicUrl = publicUrl;
    }

    public DataSourceView create(Caller caller, DataSourceRequests.Create request) {
        String workspaceId = requireWorkspace(caller);
        if (request == null) {
            throw new InvalidInput(null, "Send {\"type\": ..., \"label\": ..., \"credentials\": {...}}");
        }
        InstalledConnector connector = connector(request.type());
        String type = connector.typeId();
        String label = request.label() == null ? connector.descriptor().displayName() : Names.require("label", request.label());
        int cadence = cadence(request.cadenceMinutes(), DEFAULT_CADENCE);
        Map<String, String> given = given(request.credentials());
        // A secret the connector lets a person leave empty is generated here, and shown once below.
        Map<String, String> generated = generatedSecrets.fillIn(connector, given);
        Map<String, String> merged = new LinkedHashMap<>(given);
        merged.putAll(generated);
        Map<String, String> credentials = checked(connector, merged);
        WorkspaceRow workspace = workspace(workspaceId);
        // A quick refusal before asking the provider; the count that counts is taken under the lock.
        jdbi.useExtension(DataSourceDao.class, sources -> plans.checkDataSourceAllowed(workspace.plan(), type,
                sources.count(workspaceId, type), sources.countAll(workspaceId)));
        CredentialCheck check = validateWithProvider(connector, new Credentials(credentials));
        Optional<List<StreamDescriptor>> discovered = discoverWithProvider(connector, new Credentials(credentials));
        Map<String, DatasetSelections.Resolved> selection = request.datasets() == null ? Map.of()
                : datasets.resolve(connector, discovered.orElse(connector.streamDescriptors()), check.capabilities(), request.datasets());

        String id = Ids.next("ds");
        Instant now = contexts.now();
        SplitCredentials split = SplitCredentials.of(credentials, connector);
        DataSourceRow row = jdbi.inTransaction(handle -> {
            WorkspaceRow locked = handle.attach(WorkspaceDao.class).lock(workspaceId).orElseThrow(() -> new NotFound("Workspace"));
            DataSourceDao sources = handle.attach(DataSourceDao.class);
            plans.checkDataSourceAllowed(locked.plan(), type, sources.count(workspaceId, type), sources.countAll(workspaceId));
            SealedCredentials sealed = stored.sealNew(handle, workspaceId, id, split);
            DataSourceRow inserted = new DataSourceRow(id, workspaceId, type, label, cadence, sealed.credentials(),
                    hints(connector, credentials), sealed.webhookSecret(), SourceStatus.ACTIVE, check.account().accountId(),
                    check.account().livemode(), json(check.capabilities()), null, null, now, now, 0, null);
            sources.insert(inserted, sealed.version());
            sources.setWebhookFields(id, json(split.verificationFields()));
            SourceStreams.keep(handle, id, discovered);
            datasets.replaceSelection(handle, id, selection);
            datasets.keepPushedStreams(handle, id, connector);
            audit.record(handle, workspaceId, caller.actor(), "data_source.create", "data_source:" + id,
                    generated.isEmpty() ? Map.of("type", type, "account", check.account().accountId())
                            : Map.of("type", type, "account", check.account().accountId(), "generated", String.join(",", generated.keySet())));
            return inserted;
        });
        webhookSecrets.remember(id, row.webhookSecret(), split.webhookSecret());
        if (!selection.isEmpty()) {
            syncDatasetsSoon.accept(id);
        }
        Map<String, String> shownOnce = new LinkedHashMap<>();
        generated.forEach((field, value) -> shownOnce.put(camel(field), value));
        return view(row, check.warnings()).withGeneratedSecrets(shownOnce);
    }

    public List<DataSourceView> list(Caller caller) {
        String workspaceId = requireWorkspace(caller);
        return jdbi.withExtension(DataSourceDao.class, sources -> sources.list(workspaceId)).stream()
                .map(row -> view(row, List.of())).toList();
    }

    public DataSourceView get(Caller caller, String id) {
        return view(find(caller, id), List.of());
    }

    public DataSourceView patch(Caller caller, String id, DataSourceRequests.Patch request) {
        DataSourceRow current = find(caller, id);
        if (request == null) {
            return view(current, List.of());
        }
        String label = request.label() == null ? current.label() : Names.require("label", request.label());
        int cadence = cadence(request.cadenceMinutes(), current.cadenceMinutes());
        Instant now = contexts.now();
        DataSourceRow updated = current.withSettings(label, cadence, now);
        List<String> warnings = List.of();
        SplitCredentials split;
        String hints;
        Optional<List<StreamDescriptor>> discovered = Optional.empty();
        if (request.credentials() != null) {
            InstalledConnector connector = connector(current.type());
            Map<String, String> credentials = credentials(connector, request.credentials());
            CredentialCheck check = validateWithProvider(connector, new Credentials(credentials));
            discovered = discoverWithProvider(connector, new Credentials(credentials));
            warnings = check.warnings();
            split = SplitCredentials.of(credentials, connector);
            hints = hints(connector, credentials);
            // New credentials that work clear a rejection: the source refreshes again.
            updated = updated.withCheck(SourceStatus.ACTIVE, null, check.account().accountId(), check.account().livemode(),
                    json(check.capabilities()), now);
        } else {
            split = null;
            hints = null;
        }
        DataSourceRow settings = updated;
        Optional<List<StreamDescriptor>> found = discovered;
        Map<String, DatasetSelections.Resolved> selection = request.datasets() == null ? null
                : datasets.resolve(settings, found, request.datasets());
        DataSourceRow row = jdbi.inTransaction(handle -> {
            // The credentials first: their write takes the workspace's keys, then the source's row.
            DataSourceRow written = settings;
            if (split != null) {
                SealedCredentials sealed = stored.replace(handle, settings.workspaceId(), settings.id(), split, hints, now, secretOverlap);
                written = settings.withCredentials(sealed.credentials(), hints, sealed.webhookSecret(), now);
                handle.attach(DataSourceDao.class).setWebhookFields(settings.id(), json(split.verificationFields()));
                SourceStreams.keep(handle, settings.id(), found);
            }
            handle.attach(DataSourceDao.class).update(written);
            if (selection != null) {
                datasets.replaceSelection(handle, written.id(), selection);
            }
            audit.record(handle, written.workspaceId(), caller.actor(), "data_source.update", "data_source:" + written.id(),
                    Map.of("credentials_changed", String.valueOf(split != null),
                            "datasets_changed", String.valueOf(selection != null)));
            return written;
        });
        if (split != null) {
            webhookSecrets.remember(row.id(), row.webhookSecret(), split.webhookSecret());
        }
        if (selection != null) {
            syncDatasetsSoon.accept(row.id());
        }
        return view(row, warnings);
    }

    public void delete(Caller caller, String id) {
        DataSourceRow current = find(caller, id);
        jdbi.useTransaction(handle -> {
            handle.attach(DataSourceDao.class).delete(current.workspaceId(), id);
            audit.record(handle, current.workspaceId(), caller.actor(), "data_source.delete", "data_source:" + id, Map.of());
        });
        webhookSecrets.forget(id);
    }

    /**
     * Tests the stored credentials now (one audited decryption). Success makes a source in error
     * active again; a rejection puts it in error and answers 422, and credentials that do not
     * decrypt put it in error too and answer 409 ({@code credentials_unreadable}).
     */
    public DataSourceView test(Caller caller, String id) {
        DataSourceRow current = find(caller, id);
        SourceOperation operation = operations.start(current, caller.actor()).orElseThrow(() -> notInstalled(current.type()));
        try {
            CredentialCheck check = operation.connector().connector().validateCredentials(operation.context());
            // A database's tables may have changed since: the source's streams are found again.
            Optional<List<StreamDescriptor>> discovered = SourceStreams.discover(operation.connector(), operation.context());
            DataSourceRow row = withCheck(current, SourceStatus.ACTIVE, null, check);
            jdbi.useTransaction(handle -> {
                handle.attach(DataSourceDao.class).update(row);
                SourceStreams.keep(handle, row.id(), discovered);
            });
            return view(row, check.warnings());
        } catch (ConnectorException | CredentialsUnreadable e) {
            operations.stopIfSourceFailed(current, current.lastRefreshAt(), e);
            throw e;
        }
    }

    private DataSourceRow withCheck(DataSourceRow current, SourceStatus status, String error, CredentialCheck check) {
        return current.withCheck(status, error, check == null ? current.accountId() : check.account().accountId(),
                check == null ? current.livemode() : Boolean.valueOf(check.account().livemode()),
                check == null ? current.permissions() : json(check.capabilities()), contexts.now());
    }

    /** The data source, if it belongs to the caller's workspace; otherwise 404, as for an unknown id. */
    public DataSourceRow find(Caller caller, String id) {
        String workspaceId = requireWorkspace(caller);
        return jdbi.withExtension(DataSourceDao.class, sources -> sources.find(workspaceId, id))
                .orElseThrow(() -> new NotFound("Data source " + id));
    }

    private CredentialCheck validateWithProvider(InstalledConnector connector, Credentials credentials) {
        try {
            return connector.connector().validateCredentials(contexts.withPlainCredentials(credentials));
        } catch (ConnectorException e) {
            if (ConnectorFailures.stopsSource(e)) {
                throw new InvalidInput(INVALID_CREDENTIALS, e.field().map(DataSourceService::camel).orElse("credentials"), e.getMessage());
            }
            throw e;
        }
    }

    /** The streams the connector finds for these credentials, when it discovers them per source; refusals as in {@link #validateWithProvider}. */
    private Optional<List<StreamDescriptor>> discoverWithProvider(InstalledConnector connector, Credentials credentials) {
        try {
            return SourceStreams.discover(connector, contexts.withPlainCredentials(credentials));
        } catch (ConnectorException e) {
            if (ConnectorFailures.stopsSource(e)) {
                throw new InvalidInput(INVALID_CREDENTIALS, e.field().map(DataSourceService::camel).orElse("credentials"), e.getMessage());
            }
            throw e;
        }
    }

    private InstalledConnector connector(String type) {
        if (type == null || type.isBlank()) {
            throw new InvalidInput("type", "'type' is required: the connector's type id (GET /api/v1/connectors lists them)");
        }
        return connectors.find(type).orElseThrow(() -> notInstalled(type));
    }

    private InvalidInput notInstalled(String type) {
        return new InvalidInput("type", "No connector '" + type + "' is installed; installed: "
                + String.join(", ", connectors.installed().stream().map(InstalledConnector::typeId).toList()));
    }

    private static int cadence(Integer requested, int fallback) {
        if (requested == null) {
            return fallback;
        }
        if (!CADENCES.contains(requested)) {
            throw new InvalidInput("cadenceMinutes", "cadenceMinutes must be one of 5, 15, 60, 360, 1440");
        }
        return requested;
    }

    /** The request's credentials under the connector's field names, checked against its fields. */
    private static Map<String, String> credentials(InstalledConnector connector, Map<String, String> given) {
        return checked(connector, given(given));
    }

    /** The request's non-empty credentials under the connector's field names (snake_case). */
    private static Map<String, String> given(Map<String, String> given) {
        if (given == null) {
            throw new InvalidInput(INVALID_CREDENTIALS, "credentials", "'credentials' is required");
        }
        Map<String, String> values = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                values.put(snake(name), value.strip());
            }
        });
        return values;
    }

    /** Credentials checked against the connector's fields, offline. */
    private static Map<String, String> checked(InstalledConnector connector, Map<String, String> values) {
        List<ValidationProblem> problems = CredentialsValidator.problems(connector, values);
        if (!problems.isEmpty()) {
            ValidationProblem first = problems.get(0);
            throw new InvalidInput(INVALID_CREDENTIALS, "credentials." + camel(first.field()), first.message());
        }
        return values;
    }

    private static String hints(InstalledConnector connector, Map<String, String> credentials) {
        Map<String, DataSourceView.CredentialHint> hints = new LinkedHashMap<>();
        CredentialHints.of(connector.credentialFields(), credentials).forEach((field, hint) -> hints.put(camel(field), hint));
        return json(hints);
    }

    DataSourceView view(DataSourceRow row, List<String> warnings) {
        return new DataSourceView(row.id(), row.type(), row.label(), row.cadenceMinutes(), row.hasWebhookSecret() ? "push" : "cron",
                row.status(), row.livemode(), row.accountId(), row.lastRefreshAt(), row.lastErrorMessage(),
                // Only a connector with the webhooks capability has an endpoint to point a provider at.
                connectors.find(row.type()).filter(InstalledConnector::acceptsWebhooks)
                        .map(connector -> publicUrl + "/webhooks/" + row.type() + "/" + row.id()).orElse(null),
                read(row.permissions(), new TypeReference<List<CapabilityStatus>>() { }),
                read(row.credentialHints(), new TypeReference<Map<String, DataSourceView.CredentialHint>>() { }),
                warnings, jdbi.withExtension(DatasetStreamDao.class, dao -> dao.list(row.id())).stream().map(DatasetStreamRow::stream).toList(),
                new DataSourceView.RefusedWebhooks(row.webhooksRefused(), row.webhookLastRefusedAt()), row.createdAt(), null);
    }

    String requireWorkspace(Caller caller) {
        if (caller.isAdmin()) {
            throw new Forbidden(null, "Data sources belong to a workspace: call with the workspace's API token");
        }
        return caller.workspaceId();
    }

    private WorkspaceRow workspace(String id) {
        return jdbi.withExtension(WorkspaceDao.class, workspaces -> workspaces.find(id)).orElseThrow(() -> new NotFound("Workspace"));
    }

    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    static String camel(String name) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON could not be read", e);
        }
    }
}
