package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.LoadedPlugin;
import io.tributary.connector.host.PluginClassLoader;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.server.plugins.BundledPlugin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The PostgreSQL connector as it ships: its plugin directory (the connector's jar and the driver)
 * in a server's plugins directory, reading a customer's own PostgreSQL, a second embedded one on
 * 127.0.0.1 and not the server's database. A data source, a block over a statement's rows, its
 * refresh, and the statements refused when the block is saved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresPluginTest {

    /** The connector's factory: on no class path of the server's, only in the plugin. */
    private static final String POSTGRES_FACTORY = "io.tributary.connector.postgres.PostgresConnectorFactory";

    private static final String READER_PASSWORD = "customer-reader-password-0987";
    private static final String TOTALS = "SELECT count(*) AS n, sum(amount) AS total FROM orders WHERE region = :region";

    private EmbeddedPostgres customer;
    private Path customerDirectory;
    private TestServer server;
    private Api api;
    private Path pluginDirectory;

    @BeforeAll
    void start() throws IOException, SQLException {
        customerDirectory = TestServer.newDataDirectory().resolve("customer-pg");
        customer = EmbeddedPostgres.builder().setDataDirectory(customerDirectory).setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("password_encryption", "scram-sha-256").start();
        customerSql("""
                CREATE TABLE orders (id int PRIMARY KEY, region text NOT NULL, amount numeric(12,2) NOT NULL);
                INSERT INTO orders VALUES (1, 'eu', 10.50), (2, 'eu', 20.25), (3, 'us', 7.00), (4, 'eu', 1.00);
                REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                CREATE ROLE reader LOGIN PASSWORD 'customer-reader-password-0987';
                GRANT USAGE ON SCHEMA public TO reader;
                GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;
                """);
        // The superuser over the local socket only; everyone else with a password
        Files.writeString(customerDirectory.resolve("pg_hba.conf"), "local all all trust\nhost all postgres 127.0.0.1/32 trust\n"
                + "host all all 127.0.0.1/32 scram-sha-256\n", StandardCharsets.UTF_8);
        customerSql("SELECT pg_reload_conf()");

        server = new TestServer(FakeStripeAccount.create(), Map.of("connectors.postgres.pool_size", "2"));
        pluginDirectory = BundledPlugin.POSTGRES.copyInto(server.dataDirectory().resolve("plugins"));
        server.start();
        api = server.api();
    }

    @AfterAll
    void stop() throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (customer != null) {
                customer.close();
            }
        }
    }

    @Test
    void theConnectorAndTheDriverComeFromThePluginDirectory() throws Exception {
        assertThatThrownBy(() -> Class.forName(POSTGRES_FACTORY)).as("the connector is not on the server's class path")
                .isInstanceOf(ClassNotFoundException.class);
        LoadedPlugin plugin = server.connectors().pluginOf("postgres").orElseThrow();
        assertThat(plugin.directory()).isEqualTo(pluginDirectory);
        assertThat(plugin.jars()).extracting(jar -> jar.getFileName().toString()).containsExactlyElementsOf(BundledPlugin.POSTGRES.builtJars())
                .anyMatch(jar -> jar.startsWith("connector-postgres-")).anyMatch(jar -> jar.startsWith("postgresql-"))
                .noneMatch(jar -> jar.startsWith("connector-spi-") || jar.startsWith("jackson-"));
        InstalledConnector installed = server.connectors().find("postgres").orElseThrow();
        assertThat(installed.implementation().getClassLoader()).isInstanceOf(PluginClassLoader.class).isSameAs(plugin.classLoader());
        Class<?> driver = plugin.classLoader().loadClass("org.postgresql.Driver");
        assertThat(Path.of(driver.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent())
                .as("the plugin's own driver, not the server's").isEqualTo(pluginDirectory);

        Api.Reply listed = api.get("/api/v1/connectors", workspace());
        JsonNode view = StreamSupport.stream(listed.body().get("connectors").spliterator(), false)
                .filter(connector -> connector.get("typeId").asText().equals("postgres")).findFirst().orElseThrow();
        assertThat(view.get("displayName").asText()).isEqualTo("PostgreSQL");
        assertThat(view.get("queryTypes")).extracting(type -> type.get("id").asText()).containsExactly("postgres.sql");
        assertThat(listed.body().get("brokenPlugins")).isEmpty();
    }

    @Test
    void aBlockOverAStatementsRowsIsCheckedAgainstItsColumnsSavedAndRefreshed() throws SQLException {
        String token = workspace();
        String sourceId = source(token);

        Api.Reply unknownColumn = api.post("/api/v1/blocks", token, block(sourceId, TOTALS, Map.of("value", "rows[0].nope")));
        assertThat(unknownColumn.status()).as(unknownColumn.raw()).isEqualTo(422);
        assertThat(unknownColumn.errorCode()).as("checked against the statement's real columns").isEqualTo("unknown_path");
        assertThat(unknownColumn.errorField()).startsWith("binding.projection");

        Api.Reply created = api.post("/api/v1/blocks", token, block(sourceId, TOTALS, Map.of("value", "rows[0].n", "total", "rows[0].total")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String blockId = created.body().get("id").asText();
        assertThat(created.body().at("/widget/data/value").asLong()).isEqualTo(3);
        assertThat(new BigDecimal(created.body().at("/widget/data/total").asText())).isEqualByComparingTo("31.75");

        customerSql("INSERT INTO orders VALUES (5, 'eu', 100.00)");
        Api.Reply refreshed = api.post("/api/v1/blocks/" + blockId + "/refresh", token, Map.of());
        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
        assertThat(refreshed.body().at("/widget/data/value").asLong()).isEqualTo(4);
        assertThat(new BigDecimal(refreshed.body().at("/widget/data/total").asText())).isEqualByComparingTo("131.75");
        assertThat(refreshed.body().get("lastErrorCode").isNull()).isTrue();
        customerSql("DELETE FROM orders WHERE id = 5");
    }

    @Test
    void aPreviewChecksTheStatementAndAnswersItWithOneDecryptionAndSavesNothing() {
        String token = workspace();
        String sourceId = source(token);
        server.awaitIdle(); // the new source's first refresh, so that only the preview decrypts below
        long before = decryptions(token);

        Api.Reply preview = api.post("/api/v1/blocks/preview", token, block(sourceId, TOTALS, Map.of("value", "rows[0].n")));
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().at("/widget/data/value").asLong()).isEqualTo(3);
        assertThat(decryptions(token) - before).as("the statement's columns checked and its rows read on one opening").isEqualTo(1);
        assertThat(api.get("/api/v1/blocks", token).body().toString()).as("nothing saved").doesNotContain(sourceId);
    }

    @Test
    void aWriteAndSeveralStatementsAreRefusedWhenTheBlockIsSaved() throws SQLException {
        String token = workspace();
        String sourceId = source(token);
        server.awaitIdle(); // the new source's first refresh, so that only this test's requests decrypt below

        Api.Reply delete = api.post("/api/v1/blocks", token, block(sourceId, "DELETE FROM orders", Map.of("value", "row_count")));
        assertThat(delete.status()).as(delete.raw()).isEqualTo(422);
        assertThat(delete.errorCode()).isEqualTo("postgres.write_refused");
        assertThat(delete.errorField()).isEqualTo("binding.queryConfig.params.sql");
        assertThat(customerCount("SELECT count(*) FROM orders")).as("the orders are untouched").isEqualTo(4);

        long decryptions = decryptions(token);
        assertThat(decryptions).as("creating the source and checking the DELETE decrypted").isPositive();
        Api.Reply several = api.post("/api/v1/blocks", token, block(sourceId, "SELECT 1 AS one; DELETE FROM orders",
                Map.of("value", "row_count")));
        assertThat(several.status()).as(several.raw()).isEqualTo(422);
        assertThat(several.errorCode()).isEqualTo("postgres.multiple_statements");
        assertThat(several.errorField()).isEqualTo("binding.queryConfig.params.sql");
        assertThat(decryptions(token)).as("refused before the credentials were decrypted").isEqualTo(decryptions);
        assertThat(customerCount("SELECT count(*) FROM orders")).isEqualTo(4);
        assertThat(api.get("/api/v1/blocks", token).body().toString()).as("no block was saved").doesNotContain(sourceId);
    }

    @Test
    void theTablesTheRoleCanReadAreDatasetsFoundPerSourceAndADeletedRowIsFoundByTheNextFullRead() throws SQLException {
        String token = workspace();
        String sourceId = source(token);
        customerSql("CREATE VIEW eu_orders AS SELECT * FROM orders WHERE region = 'eu'; GRANT SELECT ON eu_orders TO reader;"
                + "CREATE TABLE secrets (id int PRIMARY KEY, note text)");
        try {
            Api.Reply unknown = api.put("/api/v1/data-sources/" + sourceId + "/datasets", token,
                    Map.of("datasets", List.of(Map.of("stream", "public__eu_orders"))));
            assertThat(unknown.status()).as("found when the source was created, before the view existed").isEqualTo(422);
            assertThat(unknown.raw()).contains("streams: public__orders");

            Api.Reply tested = api.post("/api/v1/data-sources/" + sourceId + "/test", token, Map.of());
            assertThat(tested.status()).as(tested.raw()).isEqualTo(200);
            Api.Reply streams = api.get("/api/v1/data-sources/" + sourceId + "/streams", token);
            assertThat(streams.status()).as(streams.raw()).isEqualTo(200);
            Map<String, JsonNode> byName = new java.util.TreeMap<>();
            streams.body().get("streams").forEach(stream -> byName.put(stream.get("name").asText(), stream));
            assertThat(byName).containsOnlyKeys("public__orders", "public__eu_orders");
            assertThat(byName.get("public__orders").get("cursorChoices").toString()).isEqualTo("[\"id\"]");
            assertThat(byName.get("public__orders").get("keyChoices")).isEmpty();
            assertThat(byName.get("public__eu_orders").get("keyChoices").toString()).isEqualTo("[\"id\",\"region\",\"amount\"]");
            JsonNode postgres = StreamSupport.stream(api.get("/api/v1/connectors", token).body().get("connectors").spliterator(), false)
                    .filter(connector -> connector.get("typeId").asText().equals("postgres")).findFirst().orElseThrow();
            assertThat(postgres.get("streamsPerSource").asBoolean()).isTrue();
            Api.Reply view = api.put("/api/v1/data-sources/" + sourceId + "/datasets", token,
                    Map.of("datasets", List.of(Map.of("stream", "public__eu_orders"))));
            assertThat(view.status()).as(view.raw()).isEqualTo(422);
            assertThat(view.errorCode()).as("a view has no key of its own: a person names one").isEqualTo("key_required");
            assertThat(view.raw()).contains("among id, region, amount");
            Api.Reply secrets = api.put("/api/v1/data-sources/" + sourceId + "/datasets", token,
                    Map.of("datasets", List.of(Map.of("stream", "public__secrets"))));
            assertThat(secrets.raw()).as("the table the role cannot read is not offered").contains("There is no stream 'public__secrets'");

            Api.Reply selected = api.put("/api/v1/data-sources/" + sourceId + "/datasets", token,
                    Map.of("datasets", List.of(Map.of("stream", "*"))));
            assertThat(selected.status()).as(selected.raw()).isEqualTo(200);
            server.awaitIdle();
            JsonNode dataset = api.get("/api/v1/data-sources/" + sourceId + "/datasets", token).body().get("datasets").get(0);
            assertThat(dataset.get("stream").asText()).isEqualTo("public__orders");
            assertThat(dataset.get("mode").asText()).isEqualTo("full_refresh");
            assertThat(dataset.get("state").asText()).as(dataset.toString()).isEqualTo("synced");
            assertThat(orderIds(token, sourceId)).containsExactly("4", "3", "2", "1");

            customerSql("DELETE FROM orders WHERE id = 3");
            server.clock().advance(java.time.Duration.ofMinutes(1)); // the test server's clock stands still; reads are told apart by it
            Api.Reply resync = api.post("/api/v1/data-sources/" + sourceId + "/datasets/public__orders/resync", token, Map.of());
            assertThat(resync.status()).as(resync.raw()).isEqualTo(202);
            server.awaitIdle();
            assertThat(orderIds(token, sourceId)).as("the row deleted in the customer's database is gone").containsExactly("4", "2", "1");

            Api.Reply keyed = api.put("/api/v1/data-sources/" + sourceId + "/datasets", token, Map.of("datasets", List.of(
                    Map.of("stream", "public__orders"), Map.of("stream", "public__eu_orders", "key", List.of("id")))));
            assertThat(keyed.status()).as(keyed.raw()).isEqualTo(200);
            server.awaitIdle();
            JsonNode euView = StreamSupport.stream(api.get("/api/v1/data-sources/" + sourceId + "/datasets", token).body().get("datasets")
                    .spliterator(), false).filter(d -> d.get("stream").asText().equals("public__eu_orders")).findFirst().orElseThrow();
            assertThat(euView.get("key").toString()).isEqualTo("[\"id\"]");
            assertThat(euView.get("state").asText()).as(euView.toString()).isEqualTo("synced");
            Api.Reply euRecords = api.get("/api/v1/data-sources/" + sourceId + "/datasets/public__eu_orders/records?limit=50", token);
            assertThat(StreamSupport.stream(euRecords.body().get("records").spliterator(), false).map(r -> r.get("id").asText()).sorted().toList())
                    .as("the view's rows, identified by the key named").containsExactly("1", "2", "4");
        } finally {
            customerSql("INSERT INTO orders VALUES (3, 'us', 7.00) ON CONFLICT DO NOTHING; DROP VIEW eu_orders; DROP TABLE secrets");
        }
    }

    @Test
    void aTableReadByAChosenCursorColumnGetsItsChangedAndNewRowsAtEachSync() throws SQLException, InterruptedException {
        customerSql("CREATE TABLE visits (id int PRIMARY KEY, updated_at timestamptz NOT NULL, page text NOT NULL);"
                + "INSERT INTO visits VALUES (1, '2026-01-01T10:00:00Z', '/'), (2, '2026-01-01T11:00:00Z', '/pricing'),"
                + " (3, '2026-01-01T12:00:00Z', '/docs'); GRANT SELECT ON visits TO reader");
        try {
            String token = workspace();
            String sourceId = source(token);
            Api.Reply wrong = api.put("/api/v1/data-sources/" + sourceId + "/datasets", token,
                    Map.of("datasets", List.of(Map.of("stream", "public__visits", "cursorField", "page"))));
            assertThat(wrong.status()).as(wrong.raw()).isEqualTo(422);
            assertThat(wrong.errorField()).isEqualTo("datasets[0].cursorField");
            assertThat(wrong.raw()).contains("can be read by id, updated_at");

            Api.Reply selected = api.put("/api/v1/data-sources/" + sourceId + "/datasets", token,
                    Map.of("datasets", List.of(Map.of("stream", "public__visits", "cursorField", "updated_at"))));
            assertThat(selected.status()).as(selected.raw()).isEqualTo(200);
            server.awaitIdle();
            JsonNode dataset = api.get("/api/v1/data-sources/" + sourceId + "/datasets", token).body().get("datasets").get(0);
            assertThat(dataset.get("mode").asText()).isEqualTo("incremental");
            assertThat(dataset.get("cursorField").asText()).isEqualTo("updated_at");
            assertThat(dataset.get("state").asText()).as(dataset.toString()).isEqualTo("synced");
            assertThat(pages(token, sourceId)).containsExactly("1=/", "2=/pricing", "3=/docs");

            customerSql("UPDATE visits SET page = '/docs/start', updated_at = '2026-01-02T09:00:00Z' WHERE id = 3;"
                    + "INSERT INTO visits VALUES (4, '2026-01-02T10:00:00Z', '/blog'); DELETE FROM visits WHERE id = 1");
            server.clock().advance(java.time.Duration.ofMinutes(16)); // past the source's 15-minute cadence
            server.scheduler().syncDatasetsAfterEvent(sourceId);
            assertThat(Eventually.within(java.time.Duration.ofSeconds(30), () -> pages(token, sourceId).contains("4=/blog"))).isTrue();
            server.awaitIdle();
            assertThat(pages(token, sourceId)).as("the changed and the new row; a deletion is seen by full reads only")
                    .containsExactly("1=/", "2=/pricing", "3=/docs/start", "4=/blog");
        } finally {
            customerSql("DROP TABLE visits");
        }
    }

    private List<String> pages(String token, String sourceId) {
        Api.Reply page = api.get("/api/v1/data-sources/" + sourceId + "/datasets/public__visits/records?limit=50", token);
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        return StreamSupport.stream(page.body().get("records").spliterator(), false)
                .map(record -> record.get("id").asText() + "=" + record.at("/data/page").asText()).sorted().toList();
    }

    private List<String> orderIds(String token, String sourceId) {
        Api.Reply page = api.get("/api/v1/data-sources/" + sourceId + "/datasets/public__orders/records?limit=50", token);
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        return StreamSupport.stream(page.body().get("records").spliterator(), false).map(record -> record.get("id").asText())
                .sorted(java.util.Comparator.reverseOrder()).toList();
    }

    private String source(String token) {
        Api.Reply created = api.post("/api/v1/data-sources", token, Map.of("type", "postgres", "label", "Orders database",
                "credentials", Map.of("host", "127.0.0.1", "port", Integer.toString(customer.getPort()), "database", "postgres",
                        "user", "reader", "password", READER_PASSWORD, "sslmode", "disable"), "cadenceMinutes", 15));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("accountId").asText()).isEqualTo("reader@127.0.0.1:" + customer.getPort() + "/postgres");
        assertThat(created.raw()).doesNotContain(READER_PASSWORD);
        return created.body().get("id").asText();
    }

    private static Map<String, Object> block(String sourceId, String sql, Map<String, String> fields) {
        Map<String, Object> projection = new java.util.LinkedHashMap<>();
        fields.forEach((name, path) -> projection.put(name, Map.of("source", path)));
        Map<String, Object> params = sql.contains(":region") ? Map.of("sql", sql, "params", Map.of("region", "eu")) : Map.of("sql", sql);
        return Map.of("binding", Map.of("dataSourceId", sourceId, "queryConfig", Map.of("type", "postgres.sql", "params", params),
                "projection", Map.of("fields", projection)));
    }

    private long decryptions(String token) {
        Api.Reply log = api.get("/api/v1/audit-log?action=credential.decrypt", token);
        assertThat(log.status()).as(log.raw()).isEqualTo(200);
        List<JsonNode> events = StreamSupport.stream(log.body().get("events").spliterator(), false).toList();
        return events.size();
    }

    private String workspace() {
        Api.Reply created = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Orders", "plan", "builder"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("apiToken").asText();
    }

    private void customerSql(String sql) throws SQLException {
        try (Connection connection = customer.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long customerCount(String sql) throws SQLException {
        try (Connection connection = customer.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
