package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.LoadedPlugin;
import io.tributary.connector.host.PluginClassLoader;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.server.plugins.BundledPlugin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Stripe connector as it ships: the plugin directory the Maven build lays out (its jar,
 * stripe-java and gson) in a server's plugins directory, with {@code plugins.scanClassPath: false}
 * so the copy of the connector on the test class path is not used. The plugin gets its settings,
 * answers a data source's check and refreshes a block against the fake Stripe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripePluginTest {

    private FakeStripeAccount account;
    private TestServer server;
    private Api api;
    private Path pluginDirectory;

    @BeforeAll
    void start() {
        account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 5_000L), Map.of());
        server = new TestServer(account, Map.of("plugins.scanClassPath", "false"));
        pluginDirectory = BundledPlugin.STRIPE.copyInto(server.dataDirectory().resolve("plugins"));
        server.start();
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theStripeConnectorAndItsLibrariesComeFromThePluginDirectory() throws Exception {
        LoadedPlugin plugin = server.connectors().pluginOf("stripe").orElseThrow();
        assertThat(plugin.directory()).isEqualTo(pluginDirectory);
        assertThat(plugin.jars()).extracting(jar -> jar.getFileName().toString()).containsExactlyElementsOf(BundledPlugin.STRIPE.builtJars())
                .anyMatch(jar -> jar.startsWith("connector-stripe-")).anyMatch(jar -> jar.startsWith("stripe-java-"))
                .anyMatch(jar -> jar.startsWith("gson-"));
        assertThat(server.connectors().installed()).extracting(InstalledConnector::typeId).as("nothing from the class path")
                .containsExactly("stripe");

        Class<?> implementation = server.connectors().find("stripe").orElseThrow().implementation();
        assertThat(implementation.getClassLoader()).isInstanceOf(PluginClassLoader.class).isSameAs(plugin.classLoader());
        assertThat(implementation).as("not the class path's copy of the connector")
                .isNotSameAs(Class.forName(implementation.getName(), false, getClass().getClassLoader()));
        Class<?> stripeJava = plugin.classLoader().loadClass("com.stripe.Stripe");
        assertThat(stripeJava.getClassLoader()).isSameAs(plugin.classLoader());
        assertThat(Path.of(stripeJava.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent())
                .as("stripe-java is the plugin's own").isEqualTo(pluginDirectory);

        Api.Reply listed = api.get("/api/v1/connectors", workspace());
        assertThat(listed.body().get("connectors")).extracting(connector -> connector.get("typeId").asText()).containsExactly("stripe");
        assertThat(listed.body().get("brokenPlugins")).isEmpty();
    }

    @Test
    void aStripeSourceIsCheckedAndItsBlockRefreshedThroughThePlugin() throws Exception {
        String token = workspace();
        String key = server.stripe().addKey(KeyAccess.allReads());
        Api.Reply created = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "label", "Plugin Stripe",
                "credentials", Map.of("apiKey", key), "cadenceMinutes", 15));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String sourceId = created.body().get("id").asText();
        assertThat(created.body().get("accountId").asText()).isEqualTo(account.id());
        assertThat(created.body().at("/credentials/apiKey/last4").asText()).isEqualTo(key.substring(key.length() - 4));

        Api.Reply block = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.balance"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents"))))));
        assertThat(block.status()).as(block.raw()).isEqualTo(201);
        String blockId = block.body().get("id").asText();
        assertThat(block.body().at("/widget/data/value").asLong()).isEqualTo(5_000);
        assertThat(block.body().get("source").asText()).isEqualTo("live");
        server.awaitIdle(); // the new source's first full refresh

        account.balance(Map.of("usd", 7_250L), Map.of());
        long refreshes = server.scheduler().activity().refreshes(sourceId);
        long balanceReads = server.stripe().requestCountForKey(key, "/v1/balance");
        server.clock().advance(Duration.ofMinutes(16));
        Await.event(server.scheduler().activity().refreshed(sourceId, refreshes + 1), Duration.ofSeconds(30), "the refresh on cadence");

        Api.Reply refreshed = api.get("/api/v1/blocks/" + blockId, token);
        assertThat(refreshed.body().at("/widget/data/value").asLong()).isEqualTo(7_250);
        assertThat(refreshed.body().get("lastErrorCode").isNull()).isTrue();
        assertThat(server.stripe().requestCountForKey(key, "/v1/balance")).as("the plugin's stripe-java asked the fake Stripe")
                .isGreaterThan(balanceReads);
    }

    private String workspace() {
        Api.Reply created = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Plugged", "plan", "free"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("apiToken").asText();
    }
}
