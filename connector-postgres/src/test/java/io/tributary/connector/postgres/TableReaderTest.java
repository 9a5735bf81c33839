package io.tributary.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StreamPage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Reading table streams page by page against a real PostgreSQL: order, completeness, resumption, refusals. */
class TableReaderTest extends TableStreamsFixture {

    private final TableReader tables = new TableReader(SHOP, MAPPER);

    @Test
    void aFullRefreshPagesThroughACompositeKeyReturningEveryRowOnceInKeyOrder() throws SQLException {
        try (Connection reader = reader()) {
            TableStream items = stream(reader, "shop", "line_items");
            List<StreamPage> pages = readAll(reader, items, cursor -> TableRead.fullRefresh(List.of(), cursor, 5));
            assertThat(pages).extracting(page -> page.records().size()).containsExactly(5, 5, 5, 5, 1);
            List<String> keys = pages.stream().flatMap(page -> page.records().stream())
                    .map(row -> row.get("order_id").asInt() + "/" + row.get("line").asInt()).toList();
            List<String> expected = new ArrayList<>();
            for (int order = 1; order <= 7; order++) {
                for (int line = 1; line <= 3; line++) {
                    expected.add(order + "/" + line);
                }
            }
            assertThat(keys).containsExactlyElementsOf(expected);
            ObjectNode last = pages.get(4).records().get(0);
            assertThat(last.toString()).isEqualTo("{\"line\":3,\"order_id\":7,\"sku\":\"sku-7-3\",\"qty\":21,\"updated_at\":"
                    + Instant.parse("2024-03-01T00:21:00Z").getEpochSecond() + "}");
        }
    }

    @Test
    void aPageThatEndsExactlyAtTheLastRowSaysThereIsNoMore() throws SQLException {
        try (Connection reader = reader()) {
            TableStream items = stream(reader, "shop", "line_items");
            List<StreamPage> pages = readAll(reader, items, cursor -> TableRead.fullRefresh(List.of(), cursor, 7));
            assertThat(pages).extracting(page -> page.records().size()).containsExactly(7, 7, 7);
            assertThat(pages.get(2).nextCursor()).isNull();
            StreamPage whole = tables.read(reader, items, TableRead.fullRefresh(List.of(), null, 1000));
            assertThat(whole.records()).hasSize(21);
            assertThat(whole.hasMore()).isFalse();
        }
    }

    @Test
    void valuesAreConvertedAsPostgresSqlResultsAre() throws SQLException {
        try (Connection reader = reader()) {
            TableStream types = stream(reader, "public", "types");
            // types has a row of NULLs too: by i4 as cursor and key, it is not read, so the key has no NULL
            StreamPage page = tables.read(reader, types, TableRead.incremental("i4", IntNode.valueOf(1), List.of("i4"), null, 10));
            assertThat(page.records()).hasSize(1);
            ObjectNode row = page.records().get(0);
            ObjectNode same = new GuardedQuery(SHOP, MAPPER).run(reader, "SELECT * FROM types WHERE i4 = 2", java.util.Map.of()).rows().get(0);
            assertThat(row).isEqualTo(same);
            assertThat(row.get("i8").asLong()).isEqualTo(9007199254740993L);
            assertThat(row.get("tstz").asLong()).isEqualTo(Instant.parse("2024-01-31T10:00:00Z").getEpochSecond());
            assertThat(row.get("jb").get("b").get(1).asInt()).isEqualTo(2);
            assertThat(row.get("m").decimalValue()).isEqualByComparingTo("-1234.56");
        }
    }

    @Test
    void anIncrementalReadFromATimestampReadsOnlyLaterRowsOrderedByTheCursorThenTheKey() throws SQLException {
        try (Connection reader = reader()) {
            TableStream items = stream(reader, "shop", "line_items");
            JsonNode highWater = LongNode.valueOf(Instant.parse("2024-03-01T00:15:00Z").getEpochSecond());
            List<ObjectNode> rows = records(readAll(reader, items,
                    cursor -> TableRead.incremental("updated_at", highWater, List.of(), cursor, 4)));
            assertThat(rows).extracting(row -> row.get("order_id").asInt() + "/" + row.get("line").asInt())
                    .containsExactly("6/1", "6/2", "6/3", "7/1", "7/2", "7/3");
            assertThat(rows.get(0).get("updated_at").asLong()).isEqualTo(Instant.parse("2024-03-01T00:16:00Z").getEpochSecond());

            // The same high water as an ISO instant
            assertThat(records(readAll(reader, items, cursor -> TableRead.incremental("updated_at",
                    TextNode.valueOf("2024-03-01T00:15:00Z"), List.of(), cursor, 4)))).isEqualTo(rows);
        }
    }

    @Test
    void aTimestampWithoutTimeZoneIsReadAsUtcAndNullCursorsAreNeverReadIncrementally() throws SQLException {
        try (Connection reader = reader()) {
            TableStream events = stream(reader, "shop", "events");
            List<StreamPage> fromStart = readAll(reader, events, cursor -> TableRead.incremental("happened_at", null, List.of(), cursor, 2));
            // Ties on the cursor (1 and 2) are ordered by the key; 4 has no time
            assertThat(fromStart).extracting(page -> page.records().stream().map(row -> row.get("id").asLong()).toList())
                    .containsExactly(List.of(1L, 2L), List.of(3L, 5L));
            ObjectNode three = fromStart.get(1).records().get(0);
            assertThat(three.get("happened_at").asLong()).isEqualTo(Instant.parse("2024-05-02T09:30:00Z").getEpochSecond());
            assertThat(three.get("day").asText()).isEqualTo("2024-05-02");

            JsonNode tenOClock = LongNode.valueOf(Instant.parse("2024-05-01T10:00:00Z").getEpochSecond());
            assertThat(ids(readAll(reader, events, cursor -> TableRead.incremental("happened_at", tenOClock, List.of(), cursor, 10))))
                    .containsExactly(3L, 5L);
            // The last record's cursor value is the next high water: the fraction dropped reads the last second again
            JsonNode lastSeen = three.get("happened_at");
            assertThat(ids(readAll(reader, events, cursor -> TableRead.incremental("happened_at", lastSeen, List.of(), cursor, 10))))
                    .containsExactly(3L, 5L);
            assertThat(ids(readAll(reader, events, cursor -> TableRead.incremental("day", TextNode.valueOf("2024-05-02"),
                    List.of(), cursor, 10)))).containsExactly(5L);
            // A full refresh reads them all, the one without a time too
            assertThat(ids(readAll(reader, events, cursor -> TableRead.fullRefresh(List.of(), cursor, 10))))
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    void anIncrementalReadFromAnIntegerId() throws SQLException {
        try (Connection reader = reader()) {
            TableStream events = stream(reader, "shop", "events");
            List<StreamPage> pages = readAll(reader, events, cursor -> TableRead.incremental("id", IntNode.valueOf(2), List.of(), cursor, 2));
            assertThat(pages).extracting(page -> page.records().stream().map(row -> row.get("id").asLong()).toList())
                    .containsExactly(List.of(3L, 4L), List.of(5L));
            assertThat(pages.get(1).records().get(0).get("kind").asText()).isEqualTo("e");
            assertThat(tables.read(reader, events, TableRead.incremental("id", LongNode.valueOf(5), List.of(), null, 10)).records()).isEmpty();
        }
    }

    @Test
    void aReadResumesFromItsCursorAfterRowsAreAddedOnEitherSide() throws SQLException {
        superuserRun("""
                CREATE TABLE shop.ticks (id int PRIMARY KEY, note text);
                INSERT INTO shop.ticks SELECT g * 10, 'tick ' || g FROM generate_series(1, 5) g;
                GRANT SELECT ON shop.ticks TO reader;
                """);
        try (Connection reader = reader()) {
            TableStream ticks = stream(reader, "shop", "ticks");
            StreamPage first = tables.read(reader, ticks, TableRead.incremental("id", null, List.of(), null, 2));
            assertThat(ids(List.of(first))).containsExactly(10L, 20L);
            superuserRun("INSERT INTO shop.ticks VALUES (15, 'behind the cursor'), (35, 'ahead of it'), (60, 'at the end')");
            List<StreamPage> rest = readAll(reader, ticks,
                    cursor -> TableRead.incremental("id", null, List.of(), cursor == null ? first.nextCursor() : cursor, 2));
            assertThat(ids(rest)).containsExactly(30L, 35L, 40L, 50L, 60L);
            assertThat(rest.get(0).records().get(1).get("note").asText()).isEqualTo("ahead of it");
        }
    }

    @Test
    void aTamperedOrForeignCursorIsRefused() throws SQLException {
        try (Connection reader = reader()) {
            TableStream items = stream(reader, "shop", "line_items");
            String cursor = tables.read(reader, items, TableRead.fullRefresh(List.of(), null, 5)).nextCursor();
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            assertThat(json).contains("\"after\":[\"2\",\"2\"]");
            String tampered = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(json.replace("[\"2\",\"2\"]", "[\"1\",\"1\"]").getBytes(StandardCharsets.UTF_8));
            String injected = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(json.replace("[\"2\",\"2\"]", "[\"2) OR (1=1\",\"2\"]").getBytes(StandardCharsets.UTF_8));
            TableStream events = stream(reader, "shop", "events");
            String eventsCursor = tables.read(reader, events, TableRead.fullRefresh(List.of(), null, 1)).nextCursor();
            for (String bad : List.of(tampered, injected, "not a cursor", cursor.substring(0, cursor.length() - 4), eventsCursor)) {
                assertThatThrownBy(() -> tables.read(reader, items, TableRead.fullRefresh(List.of(), bad, 5)))
                        .isInstanceOfSatisfying(ConnectorException.class, e -> {
                            assertThat(e.errorCode().code()).isEqualTo("postgres.invalid_page_cursor");
                            assertThat(e.field()).contains("cursor");
                        });
            }
            // A full refresh's cursor does not continue an incremental read, nor one ordered by another key
            assertThatThrownBy(() -> tables.read(reader, items, TableRead.incremental("updated_at", null, List.of(), cursor, 5)))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.errorCode().code()).isEqualTo("postgres.invalid_page_cursor"));
            assertThatThrownBy(() -> tables.read(reader, items, TableRead.fullRefresh(List.of("line", "order_id"), cursor, 5)))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.errorCode().code()).isEqualTo("postgres.invalid_page_cursor"));
            // The untouched cursor still works
            assertThat(tables.read(reader, items, TableRead.fullRefresh(List.of(), cursor, 1)).records().get(0).get("line").asInt()).isEqualTo(3);
        }
    }

    @Test
    void aViewWithoutAKeyIsRefusedUntilOneIsNamed() throws SQLException {
        try (Connection reader = reader()) {
            TableStream view = stream(reader, "shop", "big_items");
            for (TableRead read : List.of(TableRead.fullRefresh(List.of(), null, 10), TableRead.incremental("qty", null, List.of(), null, 10))) {
                assertThatThrownBy(() -> tables.read(reader, view, read))
                        .isInstanceOfSatisfying(ConnectorException.class, e -> {
                            assertThat(e.errorCode().code()).isEqualTo("postgres.key_required");
                            assertThat(e.field()).contains("key");
                            assertThat(e.getMessage()).contains("view shop.big_items", "name the columns");
                        });
            }
            List<ObjectNode> rows = records(readAll(reader, view, cursor -> TableRead.fullRefresh(List.of("order_id", "line"), cursor, 2)));
            assertThat(rows).extracting(row -> row.get("sku").asText())
                    .containsExactly("sku-4-3", "sku-5-3", "sku-6-2", "sku-6-3", "sku-7-2", "sku-7-3");
            assertThat(ids(readAll(reader, stream(reader, "shop", "order_totals"),
                    cursor -> TableRead.fullRefresh(List.of("order_id"), cursor, 3)), "order_id")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(tables.read(reader, stream(reader, "shop", "order_totals"), TableRead.fullRefresh(List.of("order_id"), null, 1))
                    .records().get(0).get("total_qty").asLong()).isEqualTo(6);
        }
    }

    @Test
    void unknownColumnsAndColumnsThatCannotBeCursorsAreRefused() throws SQLException {
        try (Connection reader = reader()) {
            TableStream items = stream(reader, "shop", "line_items");
            assertRefused(reader, items, TableRead.fullRefresh(List.of("nope"), null, 5), "postgres.unknown_column", "key");
            assertRefused(reader, items, TableRead.fullRefresh(List.of("Order_Id"), null, 5), "postgres.unknown_column", "key");
            assertRefused(reader, items, TableRead.fullRefresh(List.of("order_id\" ; DROP TABLE x; --"), null, 5),
                    "postgres.unknown_column", "key");
            assertRefused(reader, items, TableRead.incremental("nope", null, List.of(), null, 5), "postgres.unknown_column", "cursor_field");
            assertRefused(reader, items, TableRead.incremental("sku", null, List.of(), null, 5), "postgres.cursor_column_type", "cursor_field");
            assertRefused(reader, items, TableRead.fullRefresh(List.of("line", "line"), null, 5), "invalid_parameter", "key");
            assertRefused(reader, items, TableRead.incremental("updated_at", TextNode.valueOf("yesterday"), List.of(), null, 5),
                    "postgres.invalid_high_water", "high_water");
            TableStream events = stream(reader, "shop", "events");
            assertRefused(reader, events, TableRead.incremental("id", TextNode.valueOf("3"), List.of(), null, 5),
                    "postgres.invalid_high_water", "high_water");
            assertRefused(reader, events, TableRead.incremental("day", LongNode.valueOf(3), List.of(), null, 5),
                    "postgres.invalid_high_water", "high_water");
            assertThatThrownBy(() -> TableRead.fullRefresh(List.of(), null, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TableRead.fullRefresh(List.of(), null, 1001)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void oddIdentifiersAreQuotedAndReadCorrectly() throws SQLException {
        try (Connection reader = reader()) {
            TableStream odd = stream(reader, "shop", "Order Items");
            List<StreamPage> pages = readAll(reader, odd, cursor -> TableRead.fullRefresh(List.of(), cursor, 1));
            assertThat(records(pages)).extracting(ObjectNode::toString).containsExactly(
                    "{\"Item Id\":1,\"say \\\"hi\\\"\":\"he said \\\"hi\\\"\",\"Updated At\":" + Instant.parse("2024-06-01T00:00:00Z").getEpochSecond() + "}",
                    "{\"Item Id\":2,\"say \\\"hi\\\"\":\"x\",\"Updated At\":" + Instant.parse("2024-06-02T00:00:00Z").getEpochSecond() + "}",
                    "{\"Item Id\":3,\"say \\\"hi\\\"\":null,\"Updated At\":null}");
            JsonNode june1 = LongNode.valueOf(Instant.parse("2024-06-01T00:00:00Z").getEpochSecond());
            assertThat(ids(readAll(reader, odd, cursor -> TableRead.incremental("Updated At", june1, List.of(), cursor, 1)), "Item Id"))
                    .containsExactly(2L);
            assertThat(ids(readAll(reader, odd, cursor -> TableRead.fullRefresh(List.of("Item Id"), cursor, 2)), "Item Id"))
                    .containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void aNullInANamedKeyIsRefusedBeforeAnyRowIsRead() throws SQLException {
        try (Connection reader = reader()) {
            TableStream odd = stream(reader, "shop", "Order Items");
            // Ordered by "say ""hi""", the NULL would come last and be skipped by the next page's comparison
            for (TableRead read : List.of(TableRead.fullRefresh(List.of("say \"hi\""), null, 2),
                    TableRead.fullRefresh(List.of("Item Id", "say \"hi\""), null, 2),
                    TableRead.incremental("Item Id", IntNode.valueOf(2), List.of("say \"hi\""), null, 2))) {
                assertThatThrownBy(() -> tables.read(reader, odd, read))
                        .isInstanceOfSatisfying(ConnectorException.class, e -> {
                            assertThat(e.errorCode().code()).isEqualTo("postgres.null_key");
                            assertThat(e.getMessage()).contains("say \"hi\"", "never NULL");
                        });
            }
            // Rows not read incrementally are not looked at: only item 2 is above 1 and none is NULL
            assertThat(ids(readAll(reader, odd, cursor -> TableRead.incremental("Updated At",
                    LongNode.valueOf(Instant.parse("2024-06-01T00:00:00Z").getEpochSecond()), List.of("say \"hi\""), cursor, 2)), "Item Id"))
                    .containsExactly(2L);
        }
    }

    @Test
    void aPageStopsEarlyPastTheByteCapAndTheReadStillReturnsEveryRowOnce() throws SQLException {
        TableReader small = new TableReader(SHOP.withByteCap(300, QueryLimits.CapMode.TRUNCATE), MAPPER);
        try (Connection reader = reader()) {
            TableStream items = stream(reader, "shop", "line_items");
            List<StreamPage> pages = new ArrayList<>();
            String cursor = null;
            do {
                StreamPage page = small.read(reader, items, TableRead.fullRefresh(List.of(), cursor, 1000));
                pages.add(page);
                cursor = page.nextCursor();
            } while (cursor != null && pages.size() < 50);
            assertThat(pages).hasSizeGreaterThan(3).allSatisfy(page -> assertThat(page.records()).hasSizeBetween(1, 4));
            assertThat(records(pages)).hasSize(21).extracting(row -> row.get("sku").asText()).doesNotHaveDuplicates();
        }
    }

    @Test
    void aRoleWithoutTheGrantIsRefusedWithThePermission() throws SQLException {
        TableStream salaries;
        try (Connection superuser = superuser()) {
            salaries = discover(superuser, SHOP).stream().filter(stream -> stream.name().equals("salaries")).findFirst().orElseThrow();
        }
        try (Connection reader = reader()) {
            assertThatThrownBy(() -> tables.read(reader, salaries, TableRead.fullRefresh(List.of(), null, 5)))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.permission()).contains("SELECT ON TABLE salaries"));
        }
    }

    @Test
    void aReadRunsUnderTheStatementTimeoutInAReadOnlyTransaction() throws SQLException {
        superuserRun("""
                CREATE FUNCTION shop.slowly(i int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1); RETURN i; END $$;
                CREATE VIEW shop.slow AS SELECT shop.slowly(g) AS id FROM generate_series(1, 3) g;
                CREATE VIEW shop.noisy AS SELECT g AS id, public.log_note('read ' || g) AS logged FROM generate_series(1, 2) g;
                GRANT SELECT ON shop.slow, shop.noisy TO writer;
                GRANT USAGE ON SCHEMA shop TO writer;
                """);
        try (Connection writer = writer()) {
            TableReader quick = new TableReader(SHOP.withStatementTimeout(java.time.Duration.ofMillis(200)), MAPPER);
            assertThatThrownBy(() -> quick.read(writer, stream(writer, "shop", "slow"), TableRead.fullRefresh(List.of("id"), null, 10)))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.errorCode().code()).isEqualTo("postgres.timeout");
                        assertThat(e.getMessage()).contains("200 ms");
                    });
            assertThatThrownBy(() -> tables.read(writer, stream(writer, "shop", "noisy"), TableRead.fullRefresh(List.of("id"), null, 10)))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.errorCode().code()).isEqualTo("postgres.write_refused"));
        }
        try (Connection superuser = superuser(); java.sql.Statement statement = superuser.createStatement();
             java.sql.ResultSet count = statement.executeQuery("SELECT count(*) FROM audit_log")) {
            count.next();
            assertThat(count.getLong(1)).isZero();
        }
    }

    private void assertRefused(Connection reader, TableStream table, TableRead read, String code, String field) {
        assertThatThrownBy(() -> tables.read(reader, table, read))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorCode().code()).isEqualTo(code);
                    assertThat(e.field()).contains(field);
                });
    }

    /** Every page until the last, bounded so a read that never ends fails rather than hangs. */
    private List<StreamPage> readAll(Connection connection, TableStream table, Function<String, TableRead> request) {
        List<StreamPage> pages = new ArrayList<>();
        String cursor = null;
        do {
            StreamPage page = tables.read(connection, table, request.apply(cursor));
            pages.add(page);
            cursor = page.nextCursor();
        } while (cursor != null && pages.size() < 100);
        assertThat(cursor).as("the read ends").isNull();
        return pages;
    }

    private static List<ObjectNode> records(List<StreamPage> pages) {
        return pages.stream().flatMap(page -> page.records().stream()).toList();
    }

    private static List<Long> ids(List<StreamPage> pages) {
        return ids(pages, "id");
    }

    private static List<Long> ids(List<StreamPage> pages, String column) {
        return records(pages).stream().map(row -> row.get(column).asLong()).toList();
    }
}
