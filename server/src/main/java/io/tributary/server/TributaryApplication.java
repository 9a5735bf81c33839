package io.tributary.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.tributary.audit.AnchorFile;
import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.server.auth.TokenAuthFilter;
import io.tributary.server.config.TributaryConfiguration;
import io.tributary.server.core.AuditAnchoring;
import io.tributary.server.core.AuditLogReader;
import io.tributary.server.core.AuditTrail;
import io.tributary.server.core.AuditedEncryption;
import io.tributary.server.core.BlockHistory;
import io.tributary.server.core.BlockService;
import io.tributary.server.core.ConnectorListing;
import io.tributary.server.core.ConnectorValidator;
import io.tributary.server.core.CredentialVersionUpgrade;
import io.tributary.server.core.DataSourceService;
import io.tributary.server.core.Database;
import io.tributary.server.core.DatabaseAccess;
import io.tributary.server.core.DatasetCatalog;
import io.tributary.server.core.DatasetService;
import io.tributary.server.core.Plans;
import io.tributary.server.core.QueryService;
import io.tributary.server.core.RefreshService;
import io.tributary.server.core.Secrets;
import io.tributary.server.core.TokenService;
import io.tributary.server.core.WebhookSecretUpgrade;
import io.tributary.server.core.WebhookSigningSecrets;
import io.tributary.server.core.WidgetChangeRelay;
import io.tributary.server.core.WidgetEvents;
import io.tributary.server.core.WorkspaceService;
import io.tributary.server.errors.ErrorMappers;
import io.tributary.server.health.DatabaseHealthCheck;
import io.tributary.server.health.MasterKeyHealthCheck;
import io.tributary.server.health.SchedulerHealthCheck;
import io.tributary.server.http.RequestSizeLimit;
import io.tributary.server.http.SecurityHeaders;
import io.tributary.server.http.UnreadBodyGuard;
import io.tributary.server.limits.TokenBuckets;
import io.tributary.server.mirror.DatasetSync;
import io.tributary.server.mirror.MirrorAnswers;
import io.tributary.server.resources.AuditLogResource;
import io.tributary.server.resources.BlockResource;
import io.tributary.server.resources.ConnectorResource;
import io.tributary.server.resources.DataSourceResource;
import io.tributary.server.resources.DatasetResource;
import io.tributary.server.resources.OpenApiResource;
import io.tributary.server.resources.SourceStreamsResource;
import io.tributary.server.resources.QueryResource;
import io.tributary.server.resources.TokenResource;
import io.tributary.server.resources.WorkspaceResource;
import io.tributary.server.resources.SessionResource;
import io.tributary.server.console.ConsoleAssets;
import io.tributary.server.scheduling.RefreshScheduler;
import io.tributary.server.sources.ConnectorContexts;
import io.tributary.server.sources.CredentialVault;
import io.tributary.server.sources.SourceOperations;
import io.tributary.server.sources.StoredCredentials;
import io.tributary.server.webhooks.WebhookMetrics;
import io.tributary.server.webhooks.WebhookReceiver;
import io.tributary.server.webhooks.WebhookResource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Tributary server: puts the connectors, crypto, audit and projection modules behind a REST API. */
public class TributaryApplication extends Application<TributaryConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(TributaryApplication.class);

    private final Clock clock;
    private RefreshScheduler refreshScheduler;
    private AuditAnchoring auditAnchoring;
    private ConnectorRegistry connectorRegistry;

    public TributaryApplication() {
        this(Clock.systemUTC());
    }

    /** With a controllable clock, for tests. */
    public TributaryApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        SerialFilter.installUnlessSet();
        new TributaryApplication().run(args);
    }

    /** This node's refresh scheduler, once running: for operations tooling and tests. */
    public RefreshScheduler refreshScheduler() {
        return refreshScheduler;
    }

    /** The connectors this node runs, once running: which plugin (or the class path) each came from. */
    public ConnectorRegistry connectorRegistry() {
        return connectorRegistry;
    }

    /** This node's audit anchoring, once running: what the start-up verification found. */
    public AuditAnchoring auditAnchoring() {
        return auditAnchoring;
    }

    @Override
    public String getName() {
        return "tributary";
    }

    @Override
    protected void addDefaultCommands(Bootstrap<TributaryConfiguration> bootstrap) {
        bootstrap.addCommand(new TributaryServerCommand(this));
        bootstrap.addCommand(new CheckCommand<>(this));
    }

    @Override
    public void initialize(Bootstrap<TributaryConfiguration> bootstrap) {
        // ${VAR} and ${VAR:-default} in the YAML come from the environment.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(bootstrap.getConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new MigrateCommand());
        bootstrap.addCommand(new RotateMasterKeyCommand());
        bootstrap.addCommand(new VerifyAuditCommand());
        bootstrap.addCommand(new RotateAuditSealKeyCommand());
        bootstrap.addCommand(new RotateDataKeysCommand());
    }

    @Override
    public void run(TributaryConfiguration config, Environment environment) {
        // Times as ISO-8601 strings, not numbers; and a number is not silently taken for a text.
        environment.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // A field the request type does not have is refused (unknown_field), never silently dropped.
        environment.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        environment.getObjectMapper().coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // The connectors first: a broken plugin or an invalid setting stops start-up before any secret
        // is read or generated and any database is started or migrated.
        ConnectorRegistry connectors = ConnectorRegistry.load(TributaryApplication.class.getClassLoader(),
                config.plugins().scanClassPath(), config.plugins().options(), config.connectors());
        this.connectorRegistry = connectors;
        ConnectorListing.log(connectors, config.plugins().options());
        Secrets secrets;
        DatabaseAccess access;
        try {
            secrets = Secrets.resolve(config.security());
            access = DatabaseAccess.of(config.database());
        } catch (RuntimeException | Error e) {
            releaseAfterFailedRun(e, connectors, null);
            throw e;
        }
        try {
            run(config, environment, secrets, connectors, access);
        } catch (RuntimeException | Error e) {
            releaseAfterFailedRun(e, connectors, access);
            throw e;
        }
    }

    /**
     * A run that failed leaves the environment's lifecycle unstarted, so nothing it manages is ever
     * stopped: the connectors are closed here, and the embedded PostgreSQL (a process of its own)
     * stopped, or it would outlive the server and hold its data directory against the next start.
     */
    private static void releaseAfterFailedRun(Throwable failure, ConnectorRegistry connectors, DatabaseAccess access) {
        try {
            connectors.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        if (access != null && access.embedded() != null) {
            try {
                access.embedded().stop();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private void run(TributaryConfiguration config, Environment environment, Secrets secrets, ConnectorRegistry connectors,
                     DatabaseAccess access) {
        Database.migrate(access);
        ManagedDataSource dataSource = Database.open(access, config.database(), environment);
        Jdbi jdbi = Database.jdbi(dataSource);

        AuditedEncryption audited = AuditedEncryption.open(jdbi, secrets.masterKeys(), clock, "system:startup");
        AuditTrail audit = audited.audit();
        EnvelopeEncryption encryption = audited.encryption();
        AuditAnchoring anchoring = new AuditAnchoring(audit, AnchorFile.open(Path.of(config.audit().anchorFile())),
                Duration.ofMinutes(config.audit().anchorIntervalMinutes()));
        this.auditAnchoring = anchoring;
        environment.lifecycle().manage(anchoring);

        environment.lifecycle().manage(new io.dropwizard.lifecycle.Managed() {
            @Override
            public void stop() {
                connectors.close(); // connectors release their clients and pools
            }
        });
        Plans plans = new Plans(config.plans());
        ConnectorContexts contexts = new ConnectorContexts(clock);
        StoredCredentials credentials = new StoredCredentials(jdbi, new CredentialVault(encryption));
        // In this order: a source whose webhook secret still sits inside its credentials is split first.
        WebhookSecretUpgrade.run(jdbi, connectors, credentials, clock);
        CredentialVersionUpgrade.run(jdbi, credentials, clock);
        WebhookSigningSecrets webhookSecrets = new WebhookSigningSecrets(credentials);

        SourceOperations operations = new SourceOperations(jdbi, connectors, contexts, credentials);
        DatasetSync datasetSync = new DatasetSync(jdbi, operations, config.mirror());
        MirrorAnswers mirrorAnswers = new MirrorAnswers(jdbi, datasetSync);
        RefreshService refreshes = new RefreshService(jdbi, operations, mirrorAnswers);
        BlockHistory history = new BlockHistory(jdbi, config.history().retention());
        RefreshScheduler scheduler = new RefreshScheduler(dataSource, jdbi, refreshes, datasetSync, clock, config.scheduler(), history);
        this.refreshScheduler = scheduler;
        environment.lifecycle().manage(scheduler);

        TokenService tokens = new TokenService(jdbi, audit, clock);
        WorkspaceService workspaces = new WorkspaceService(jdbi, encryption, audit, plans, clock, tokens);
        DatasetCatalog datasetCatalog = new DatasetCatalog(connectors, datasetSync.backfill(), datasetSync.store(), clock,
                datasetSync.sourceStreams());
        DataSourceService dataSources = new DataSourceService(jdbi, connectors, operations, credentials, audit, plans, config.publicUrl(),
                datasetCatalog, scheduler::syncDatasetsSoon, webhookSecrets, config.limits().webhookSecretOverlap());
        DatasetService datasets = new DatasetService(jdbi, datasetCatalog, dataSources, datasetSync.backfill(), datasetSync.store(), audit,
                clock, scheduler::syncDatasetsSoon);

        environment.jersey().register(new RequestSizeLimit(config.maxRequestBytes()));
        environment.jersey().register(new SecurityHeaders());
        environment.jersey().register(new TokenAuthFilter(secrets.adminToken(), jdbi, clock, audit,
                new TokenBuckets(config.limits().requestsPerSecondPerToken(), config.limits().requestBurstPerToken())));
        ErrorMappers.all().forEach(environment.jersey()::register);
        environment.jersey().register(new WorkspaceResource(workspaces));
        environment.jersey().register(new SessionResource(workspaces, connectors));
        environment.jersey().register(new TokenResource(tokens));
        environment.jersey().register(new ConnectorResource(connectors, new ConnectorValidator(connectors, contexts)));
        environment.jersey().register(new DataSourceResource(dataSources));
        environment.jersey().register(new DatasetResource(datasets));
        environment.jersey().register(new SourceStreamsResource(datasets));
        environment.jersey().register(new OpenApiResource(() -> resourceClasses(environment), getClass().getPackage().getImplementationVersion() == null
                ? "development" : getClass().getPackage().getImplementationVersion()));

        WidgetEvents widgetEvents = new WidgetEvents(config.limits().eventStreamsPerToken());
        environment.lifecycle().manage(widgetEvents);
        // Event streams never end by themselves: close them as soon as the server starts stopping,
        // so its graceful shutdown does not wait for them.
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                widgetEvents.stop();
            }
        });
        environment.lifecycle().manage(new WidgetChangeRelay(jdbi, widgetEvents));
        BlockService blocks = new BlockService(jdbi, dataSources, refreshes, audit, contexts, operations);
        environment.jersey().register(new BlockResource(blocks, widgetEvents));
        environment.jersey().register(new QueryResource(new QueryService(operations, dataSources, mirrorAnswers)));

        TokenBuckets refusedDeliveries = new TokenBuckets(config.limits().refusedWebhooksPerSecond(), config.limits().refusedWebhooksBurst());
        environment.jersey().register(new WebhookResource(new WebhookReceiver(jdbi, connectors, contexts, webhookSecrets,
                refusedDeliveries, new WebhookMetrics(environment.metrics()), scheduler, datasetSync.pushedStreams())));

        environment.healthChecks().register("database", new DatabaseHealthCheck(jdbi));
        environment.healthChecks().register("master-key", new MasterKeyHealthCheck(encryption));
        environment.healthChecks().register("scheduler", new SchedulerHealthCheck(scheduler.quartz(), scheduler.activity()));
        environment.jersey().register(new AuditLogResource(new AuditLogReader(audit, anchoring.anchors())));
        environment.jersey().register(new UnreadBodyGuard());
        ConsoleAssets.register(environment.servlets());
        String publicUrl = config.publicUrl().replaceAll("/+$", "");
        environment.lifecycle().addServerLifecycleListener(server -> LOG.info(
                "Tributary is up. Console: {}/ (sign in with a token); API documentation: {}/api/docs", publicUrl, publicUrl));
    }

    /** The classes of the resources registered with Jersey, for the OpenAPI document. */
    private static java.util.Set<Class<?>> resourceClasses(Environment environment) {
        java.util.Set<Class<?>> classes = new java.util.LinkedHashSet<>();
        org.glassfish.jersey.server.ResourceConfig config = environment.jersey().getResourceConfig();
        config.getClasses().stream().filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class)).forEach(classes::add);
        config.getInstances().stream().map(Object::getClass).filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                .forEach(classes::add);
        return classes;
    }
}
