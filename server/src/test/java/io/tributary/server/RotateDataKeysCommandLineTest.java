package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.server.config.TributaryConfiguration;
import io.tributary.server.core.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * {@code rotate-data-keys} as bin/tributary runs it: its arguments, its configuration file, and
 * what it prints: an unknown workspace is refused in one line, without a stack trace, before
 * anything changes; {@code --workspace} rotates that workspace alone; without it, every one.
 */
class RotateDataKeysCommandLineTest {

    @Test
    void theCommandRotatesTheWorkspaceNamedOrEveryWorkspaceAndRefusesAnUnknownOne() throws Exception {
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 100L), Map.of());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start(); FakeStripe stripe = FakeStripe.start(account)) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Map<String, String> external = Map.of("database.url", url, "database.user", "postgres");
            Jdbi jdbi = Database.jdbi(postgres.getPostgresDatabase());
            Path data = TestServer.newDataDirectory();
            String first;
            String second;
            String token;
            String source;
            try (TestServer server = new TestServer(stripe, false, external, data).start()) {
                Api api = server.api();
                Api.Reply created = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "First"));
                first = created.body().get("id").asText();
                token = created.body().get("apiToken").asText();
                second = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Second")).body().get("id").asText();
                Api.Reply saved = api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                        "credentials", Map.of("apiKey", stripe.addKey(KeyAccess.allReads()))));
                assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
                source = saved.body().get("id").asText();
            }
            Path config = data.resolve("rotate.yml");
            Files.writeString(config, """
                    database:
                      url: "%s"
                      user: postgres
                    security:
                      masterKey: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
                      adminToken: "%s"
                    logging:
                      type: external
                    """.formatted(url, TestServer.ADMIN_TOKEN));
            String firstKey = dataKey(jdbi, first);
            String secondKey = dataKey(jdbi, second);

            Run unknown = run("rotate-data-keys", "--workspace", "ws_nope", config.toString());
            assertThat(unknown.failure()).get().isInstanceOf(CommandFailure.class);
            assertThat(unknown.err()).isEqualTo("No workspace 'ws_nope': no data key was rotated.\n");
            assertThat(dataKey(jdbi, first)).isEqualTo(firstKey);
            assertThat(dataKey(jdbi, second)).isEqualTo(secondKey);

            Run one = run("rotate-data-keys", "--workspace", first, config.toString());
            assertThat(one.failure()).as(one.err()).isEmpty();
            assertThat(one.out()).contains("Workspace " + first + ": data key ").contains("1 data source(s) under it, 1 re-encrypted")
                    .doesNotContain(second);
            assertThat(dataKey(jdbi, first)).isNotEqualTo(firstKey);
            assertThat(dataKey(jdbi, second)).isEqualTo(secondKey);

            Run all = run("rotate-data-keys", config.toString());
            assertThat(all.failure()).as(all.err()).isEmpty();
            assertThat(all.out()).contains("Workspace " + first + ": ").contains("Workspace " + second + ": ");
            assertThat(dataKey(jdbi, second)).isNotEqualTo(secondKey);

            try (TestServer after = new TestServer(stripe, false, external, data).start()) {
                Api.Reply tested = after.api().post("/api/v1/data-sources/" + source + "/test", token, Map.of());
                assertThat(tested.status()).as(tested.raw()).isEqualTo(200);
            }
        }
    }

    private record Run(Optional<Throwable> failure, String out, String err) {
    }

    /** Runs a command as the application's main would, with its output captured (commands print to System.out). */
    private static Run run(String... arguments) throws Exception {
        TributaryApplication application = new TributaryApplication();
        Bootstrap<TributaryConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Optional<Throwable> failure = new Cli(new JarLocation(TributaryApplication.class), bootstrap, out, err).run(arguments);
            return new Run(failure, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(console);
        }
    }

    private static String dataKey(Jdbi jdbi, String workspaceId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT data_key FROM workspace WHERE id = :id").bind("id", workspaceId)
                .mapTo(String.class).one());
    }
}
