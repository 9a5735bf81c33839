package io.tributary.connector.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * The embedded PostgreSQL with tables to read as streams, beside {@link EmbeddedPostgresTest}'s:
 * the schema {@code shop} (chosen), {@code elsewhere} (readable, never chosen), a composite key
 * declared in another order than its columns, a view, a materialized view, a table whose name and
 * columns need quoting, and {@code shop.salaries}, which {@code reader} may not read.
 */
abstract class TableStreamsFixture extends EmbeddedPostgresTest {

    static final QueryLimits SHOP = QueryLimits.defaults().withSchemas(List.of("public", "shop"));

    private static final String STREAMS = """
            CREATE SCHEMA shop;
            CREATE TABLE shop.line_items (line int, order_id int, sku text NOT NULL, qty int NOT NULL,
                updated_at timestamptz NOT NULL, PRIMARY KEY (order_id, line));
            INSERT INTO shop.line_items SELECT l, o, 'sku-' || o || '-' || l, o * l,
                timestamptz '2024-03-01 00:00:00+00' + ((o - 1) * 3 + l) * interval '1 minute'
                FROM generate_series(7, 1, -1) o, generate_series(3, 1, -1) l;
            CREATE TABLE shop.events (id bigint PRIMARY KEY, happened_at timestamp, day date, kind text);
            INSERT INTO shop.events VALUES (5, '2024-05-03 00:00:00', '2024-05-03', 'e'), (4, NULL, NULL, 'no time'),
                (3, '2024-05-02 09:30:00.250', '2024-05-02', 'c'), (2, '2024-05-01 10:00:00', '2024-05-01', 'b'),
                (1, '2024-05-01 10:00:00', '2024-05-01', 'a');
            CREATE VIEW shop.big_items AS SELECT order_id, line, sku, qty FROM shop.line_items WHERE qty >= 12;
            CREATE MATERIALIZED VIEW shop.order_totals AS SELECT order_id, sum(qty) AS total_qty FROM shop.line_items GROUP BY order_id;
            CREATE TABLE shop."Order Items" ("Item Id" int PRIMARY KEY, "say ""hi""\" text, "Updated At" timestamptz);
            INSERT INTO shop."Order Items" VALUES (2, 'x', '2024-06-02 00:00:00+00'), (1, 'he said "hi"', '2024-06-01 00:00:00+00'),
                (3, NULL, NULL);
            CREATE TABLE shop.order_items (id int PRIMARY KEY);
            CREATE TABLE shop.salaries (id int PRIMARY KEY, amount numeric);
            CREATE SCHEMA elsewhere;
            CREATE TABLE elsewhere.not_chosen (id int PRIMARY KEY);
            GRANT USAGE ON SCHEMA shop, elsewhere TO reader;
            GRANT SELECT ON shop.line_items, shop.events, shop.big_items, shop.order_totals, shop."Order Items",
                shop.order_items, elsewhere.not_chosen TO reader;
            """;

    @BeforeAll
    static void createStreams() throws SQLException {
        superuserRun(STREAMS);
    }

    static void superuserRun(String sql) throws SQLException {
        try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static List<TableStream> discover(Connection connection, QueryLimits limits) {
        return new TableCatalog(limits).discover(connection);
    }

    static TableStream stream(Connection connection, String schema, String name) {
        return discover(connection, SHOP).stream().filter(stream -> stream.schema().equals(schema) && stream.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("Not discovered: " + schema + "." + name));
    }
}
