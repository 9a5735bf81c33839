package io.tributary.server;

import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.server.config.TributaryConfiguration;
import io.tributary.server.scheduling.RefreshScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real server for a test class: the application on free loopback ports, an embedded PostgreSQL
 * in a fresh directory, and a fake Stripe whose account the test shapes.
 */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
    /** test-config.yml's master key, for tests that encrypt or decrypt as the server does. */
    public static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** Generous: it only bounds a test whose scheduler never goes idle; an idle one is seen within a due check or two. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final FakeStripe stripe;
    private final Path dataDirectory;
    private final DropwizardAppExtension<TributaryConfiguration> app;
    private final MutableClock clock = new MutableClock();

    private final boolean ownsStripe;
    /** Whether closing deletes the data directory: this server made it, and no other test reuses it. */
    private boolean ownsDataDirectory;

    /** Every directory {@link #newDataDirectory()} made, deleted when the test JVM exits (a test may reuse one across servers). */
    private static final java.util.Set<Path> MADE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MADE.forEach(TestServer::delete), "test-data-cleanup"));
    }

    public TestServer(FakeStripeAccount account, Map<String, String> overrides) {
        this(FakeStripe.start(account), true, overrides, newDataDirectory());
        this.ownsDataDirectory = true;
    }

    /**
     * A server on a fake Stripe another test owns (several nodes of one cluster share it), with
     * its embedded database files in {@code dataDirectory} (used unless {@code database.url} is overridden).
     */
    public TestServer(FakeStripe stripe, boolean ownsStripe, Map<String, String> overrides, Path dataDirectory) {
        this.stripe = stripe;
        this.ownsStripe = ownsStripe;
        this.dataDirectory = dataDirectory;
        // One value per key: Dropwizard keeps the overrides in a set, so with a key given twice either
        // value could win. A test's override replaces the default.
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("database.embeddedDataDirectory", dataDirectory.resolve("postgres").toString());
        settings.put("database.embeddedSecretsFile", dataDirectory.resolve("dev-secrets.properties").toString());
        settings.put("audit.anchorFile", dataDirectory.resolve("audit-anchors.jsonl").toString());
        // No plugins unless a test puts some here: the connectors come from the test class path.
        settings.put("plugins.directory", dataDirectory.resolve("plugins").toString());
        settings.put("connectors.stripe.api_base", stripe.baseUrl());
        settings.put("connectors.stripe.retry_base_delay_ms", "1");
        settings.put("connectors.stripe.retry_max_delay_ms", "10");
        settings.put("scheduler.dueCheckIntervalSeconds", "1");
        settings.putAll(overrides);
        ConfigOverride[] configOverrides = settings.entrySet().stream()
                .map(setting -> ConfigOverride.config(setting.getKey(), setting.getValue())).toArray(ConfigOverride[]::new);
        this.app = new DropwizardAppExtension<>(new DropwizardTestSupport<>(TributaryApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), configOverrides) {
            @Override
            public Application<TributaryConfiguration> newApplication() {
                return new TributaryApplication(clock);
            }
        });
    }

    public TestServer(FakeStripeAccount account) {
        this(account, Map.of());
    }

    public static Path newDataDirectory() {
        try {
            Path made = Files.createTempDirectory("tributary-test-");
            MADE.add(made);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory and everything in it; what cannot be deleted is left (the JVM's exit tries again). */
    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the exit hook
        }
    }

    /** Installs plugins the build made into this server's plugin directory; call before {@link #start()}. */
    public TestServer withPlugins(io.tributary.server.plugins.BundledPlugin... plugins) {
        for (io.tributary.server.plugins.BundledPlugin plugin : plugins) {
            plugin.copyInto(dataDirectory.resolve("plugins"));
        }
        return this;
    }

    /** Starts the server (and its embedded database); the fake Stripe already runs. */
    public TestServer start() {
        try {
            app.before();
        } catch (Exception e) {
            throw new IllegalStateException("The server did not start", e);
        }
        return this;
    }

    @Override
    public void close() {
        try {
            app.after();
        } finally {
            if (ownsStripe) {
                stripe.close();
            }
            // The embedded database's files (hundreds of MB): gone with the server, not left in /tmp.
            if (ownsDataDirectory) {
                delete(dataDirectory);
                MADE.remove(dataDirectory);
            }
        }
    }

    public DropwizardAppExtension<TributaryConfiguration> app() {
        return app;
    }

    /** This node's refresh scheduler (Quartz, and what it is doing). */
    public RefreshScheduler scheduler() {
        return ((TributaryApplication) app.getApplication()).refreshScheduler();
    }

    /** The connectors this server runs, and the plugins they came from. */
    public io.tributary.connector.host.ConnectorRegistry connectors() {
        return ((TributaryApplication) app.getApplication()).connectorRegistry();
    }

    /**
     * Waits until a due check that started after this call left no refresh or dataset sync running
     * or waiting: whatever the test set off is over, and a check that nothing else happened can
     * now fail if something did.
     */
    public void awaitIdle() {
        Await.event(scheduler().activity().idle(), IDLE_TIMEOUT, "the scheduler going idle");
    }

    /** The server's clock: cadences are measured on it. */
    public MutableClock clock() {
        return clock;
    }

    public FakeStripe stripe() {
        return stripe;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Direct access to the server's database, for checks the API does not offer (audit rows, a dump
     * of every table): the configured URL, or this run's embedded database as its superuser.
     */
    public org.jdbi.v3.core.Jdbi database() {
        String url = app.getConfiguration().database().url();
        if (!url.isEmpty()) {
            return org.jdbi.v3.core.Jdbi.create(url, app.getConfiguration().database().user(), app.getConfiguration().database().password());
        }
        return embeddedAs("postgres", "database_superuser_password");
    }

    /** This run's embedded database as the role the server runs as. */
    public org.jdbi.v3.core.Jdbi databaseAsApp() {
        return embeddedAs(io.tributary.server.dev.EmbeddedDatabase.APP_ROLE, "database_app_password");
    }

    /** The embedded database's JDBC URL (its port is in its postmaster.pid). */
    public String databaseUrl() {
        try {
            java.util.List<String> pid = Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"));
            return "jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded database as a role whose password is in the secrets file. */
    private org.jdbi.v3.core.Jdbi embeddedAs(String role, String passwordName) {
        try {
            java.util.Properties secrets = new java.util.Properties();
            try (java.io.InputStream in = Files.newInputStream(dataDirectory.resolve("dev-secrets.properties"))) {
                secrets.load(in);
            }
            return org.jdbi.v3.core.Jdbi.create(databaseUrl(), role, secrets.getProperty(passwordName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + app.getLocalPort());
    }

    public Api admin() {
        return new Api("http://127.0.0.1:" + app.getAdminPort());
    }
}
