package io.tributary.server;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.server.config.TributaryConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real server for a test class: the application on free loopback ports, an embedded PostgreSQL
 * in a fresh directory, and a fake Stripe whose account the test shapes.
 */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

    private final FakeStripe stripe;
    private final Path dataDirectory;
    private final DropwizardAppExtension<TributaryConfiguration> app;

    public TestServer(FakeStripeAccount account, Map<String, String> overrides) {
        this.stripe = FakeStripe.start(account);
        try {
            this.dataDirectory = Files.createTempDirectory("tributary-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.List<ConfigOverride> configOverrides = new java.util.ArrayList<>(java.util.List.of(
                ConfigOverride.config("database.embeddedDataDirectory", dataDirectory.resolve("postgres").toString()),
                ConfigOverride.config("connectors.stripe.api_base", stripe.baseUrl()),
                ConfigOverride.config("connectors.stripe.retry_base_delay_ms", "1"),
                ConfigOverride.config("connectors.stripe.retry_max_delay_ms", "10")));
        overrides.forEach((key, value) -> configOverrides.add(ConfigOverride.config(key, value)));
        this.app = new DropwizardAppExtension<>(TributaryApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                configOverrides.toArray(ConfigOverride[]::new));
    }

    public TestServer(FakeStripeAccount account) {
        this(account, Map.of());
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
            stripe.close();
        }
    }

    public DropwizardAppExtension<TributaryConfiguration> app() {
        return app;
    }

    public FakeStripe stripe() {
        return stripe;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + app.getLocalPort());
    }

    public Api admin() {
        return new Api("http://127.0.0.1:" + app.getAdminPort());
    }
}
