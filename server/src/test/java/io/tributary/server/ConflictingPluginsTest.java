package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.host.ConnectorLoadException;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.server.plugins.GreeterPlugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins built at test time: two bundling incompatible versions of one library run side by side
 * in one server and each answers through the REST API with its own version, while a third, broken
 * one is skipped and listed with its reason when {@code plugins.skipBroken} is on, and stops
 * start-up, naming its directory, when it is off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConflictingPluginsTest {

    private GreeterPlugins plugins;

    @BeforeAll
    void buildPlugins(@TempDir Path jarsDirectory) {
        plugins = GreeterPlugins.build(jarsDirectory);
    }

    @Test
    void twoPluginsWithConflictingVersionsOfALibraryAnswerThroughTheApiAndTheBrokenOneIsListed() {
        TestServer server = new TestServer(FakeStripeAccount.create(), Map.of("plugins.skipBroken", "true"));
        Path pluginsDirectory = server.dataDirectory().resolve("plugins");
        plugins.layOut(pluginsDirectory);
        try (server) {
            server.start();
            Api api = server.api();
            String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Greeters", "plan", "builder"))
                    .body().get("apiToken").asText();

            assertThat(answer(api, token, "greeter-one")).isEqualTo("v1 from its own plugin");
            assertThat(answer(api, token, "greeter-two")).isEqualTo("v2 greets plugin two from its own plugin");

            Api.Reply listed = api.get("/api/v1/connectors", token);
            assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
            assertThat(listed.body().get("connectors")).extracting(connector -> connector.get("typeId").asText())
                    .contains("greeter-one", "greeter-two").doesNotContain("old");
            JsonNode broken = listed.body().get("brokenPlugins");
            assertThat(broken).hasSize(1);
            assertThat(broken.get(0).get("plugin").asText()).isEqualTo("old");
            assertThat(broken.get(0).get("reason").asText()).contains("built for connector SPI 1.0");
            Api.Reply unknown = api.post("/api/v1/data-sources", token, Map.of("type", "old", "credentials", Map.of()));
            assertThat(unknown.status()).as("a skipped plugin's connector is not installed").isEqualTo(422);
            assertThat(unknown.errorField()).isEqualTo("type");
        }
    }

    @Test
    void withoutSkipBrokenTheServerRefusesToStartNamingTheBrokenPluginsDirectoryBeforeStartingItsDatabase() throws IOException {
        Path dataDirectory = TestServer.newDataDirectory();
        Path pluginsDirectory = dataDirectory.resolve("plugins");
        plugins.layOut(pluginsDirectory);
        try (TestServer refused = new TestServer(FakeStripe.start(FakeStripeAccount.create()), true, Map.of(), dataDirectory)) {
            Throwable failure = catchThrowable(refused::start);
            assertThat(loadFailure(failure)).as("why the server did not start: %s", failure).isNotNull()
                    .hasMessageStartingWith("Plugin directory " + pluginsDirectory.resolve("old") + " is broken: ")
                    .hasMessageContaining("built for connector SPI 1.0", "plugins.skipBroken");
        }
        assertThat(dataDirectory.resolve("postgres")).as("refused before its embedded PostgreSQL was started").doesNotExist();

        // Once the broken plugin is removed, a server starts on the same data directory.
        deleteRecursively(pluginsDirectory.resolve("old"));
        try (TestServer fixed = new TestServer(FakeStripe.start(FakeStripeAccount.create()), true, Map.of(), dataDirectory)) {
            fixed.start();
            String token = fixed.api().post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Fixed", "plan", "builder"))
                    .body().get("apiToken").asText();
            assertThat(answer(fixed.api(), token, "greeter-one")).isEqualTo("v1 from its own plugin");
            assertThat(fixed.api().get("/api/v1/connectors", token).body().get("brokenPlugins")).isEmpty();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The outermost ConnectorLoadException among a failure's causes. */
    private static Throwable loadFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectorLoadException) {
                return cause;
            }
        }
        return null;
    }

    /** Makes a data source of the connector and a block on its query: the block's value is the connector's answer. */
    private static String answer(Api api, String token, String typeId) {
        Api.Reply source = api.post("/api/v1/data-sources", token, Map.of("type", typeId, "credentials", Map.of()));
        assertThat(source.status()).as(source.raw()).isEqualTo(201);
        assertThat(source.body().get("accountId").asText()).isEqualTo("acct_" + typeId);
        Api.Reply block = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", source.body().get("id").asText(),
                "queryConfig", Map.of("type", typeId + ".answer"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "answer"))))));
        assertThat(block.status()).as(block.raw()).isEqualTo(201);
        assertThat(block.body().get("lastErrorCode").isNull()).as(block.raw()).isTrue();
        return block.body().at("/widget/data/value").asText();
    }
}
