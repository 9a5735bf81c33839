package io.tributary.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.FieldType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Discovery of the tables and views a role may read, against a real PostgreSQL. */
class TableCatalogTest extends TableStreamsFixture {

    @Test
    void findsTheTablesViewsAndMaterializedViewsOfTheChosenSchemasThatTheRoleMayRead() throws SQLException {
        try (Connection reader = reader()) {
            List<TableStream> streams = discover(reader, SHOP);
            assertThat(streams).extracting(stream -> stream.schema() + "." + stream.name()).containsExactly(
                    "public.audit_log", "public.orders", "public.types",
                    "shop.Order Items", "shop.big_items", "shop.events", "shop.line_items", "shop.order_items", "shop.order_totals");
            assertThat(streams).extracting(TableStream::streamName).startsWith(
                    "public__audit_log", "public__orders", "public__types").contains(
                    "shop__big_items", "shop__events", "shop__line_items", "shop__order_items", "shop__order_totals");
            // Not chosen (elsewhere, private), or no SELECT (salaries): absent
            assertThat(streams).extracting(TableStream::name).doesNotContain("not_chosen", "secrets", "salaries");
            assertThat(TableCatalog.find(streams, "shop__big_items").kind()).isEqualTo(TableKind.VIEW);
            assertThat(TableCatalog.find(streams, "shop__order_totals").kind()).isEqualTo(TableKind.MATERIALIZED_VIEW);
            assertThat(TableCatalog.find(streams, "shop__line_items").kind()).isEqualTo(TableKind.TABLE);
        }
    }

    @Test
    void aTableTheRoleMayNotReadIsFoundForARoleThatMay() throws SQLException {
        try (Connection superuser = superuser()) {
            assertThat(discover(superuser, SHOP)).extracting(TableStream::streamName).contains("shop__salaries");
        }
        try (Connection reader = reader()) {
            assertThat(discover(reader, SHOP.withSchemas(List.of("elsewhere")))).extracting(TableStream::streamName)
                    .containsExactly("elsewhere__not_chosen");
            assertThat(discover(reader, SHOP.withSchemas(List.of("private")))).isEmpty();
        }
    }

    @Test
    void thePrimaryKeyIsInKeyOrderAndViewsHaveNone() throws SQLException {
        try (Connection reader = reader()) {
            List<TableStream> streams = discover(reader, SHOP);
            TableStream items = TableCatalog.find(streams, "shop__line_items");
            assertThat(items.columns()).extracting(ResultColumn::name).containsExactly("line", "order_id", "sku", "qty", "updated_at");
            assertThat(items.primaryKey()).containsExactly("order_id", "line");
            assertThat(TableCatalog.find(streams, "shop__events").primaryKey()).containsExactly("id");
            assertThat(TableCatalog.find(streams, "shop__big_items").primaryKey()).isEmpty();
            assertThat(TableCatalog.find(streams, "shop__order_totals").primaryKey()).isEmpty();
            assertThat(TableCatalog.find(streams, "public__types").primaryKey()).isEmpty();
        }
    }

    @Test
    void columnsCarryTheirPostgresAndSpiTypesAndTheCursorCandidatesAreTimestampsDatesAndIntegers() throws SQLException {
        try (Connection reader = reader()) {
            List<TableStream> streams = discover(reader, SHOP);
            TableStream events = TableCatalog.find(streams, "shop__events");
            assertThat(events.columns()).containsExactly(
                    new ResultColumn("id", "int8", FieldType.INTEGER),
                    new ResultColumn("happened_at", "timestamp", FieldType.TIMESTAMP),
                    new ResultColumn("day", "date", FieldType.STRING),
                    new ResultColumn("kind", "text", FieldType.STRING));
            assertThat(events.cursorCandidates()).containsExactly("id", "happened_at", "day");
            assertThat(TableCatalog.find(streams, "shop__line_items").cursorCandidates())
                    .containsExactly("line", "order_id", "qty", "updated_at");
            TableStream types = TableCatalog.find(streams, "public__types");
            assertThat(types.cursorCandidates()).containsExactly("i2", "i4", "i8", "tstz", "ts", "d");
            assertThat(types.column("num")).get().isEqualTo(new ResultColumn("num", "numeric", FieldType.NUMBER));
            assertThat(types.column("arr")).get().isEqualTo(new ResultColumn("arr", "_int4", FieldType.ARRAY));
            assertThat(types.column("jb")).get().isEqualTo(new ResultColumn("jb", "jsonb", FieldType.ANY));
            assertThat(TableCatalog.find(streams, "shop__order_totals").columns()).containsExactly(
                    new ResultColumn("order_id", "int4", FieldType.INTEGER),
                    new ResultColumn("total_qty", "int8", FieldType.INTEGER));
        }
    }

    @Test
    void aDomainColumnHasItsBaseTypeAndPartitionsAreReadThroughTheirParent() throws SQLException {
        superuserRun("""
                CREATE SCHEMA parted;
                CREATE DOMAIN parted.positive AS int CHECK (VALUE > 0);
                CREATE TABLE parted.measures (id parted.positive, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
                CREATE TABLE parted.measures_2024 PARTITION OF parted.measures FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                GRANT USAGE ON SCHEMA parted TO reader;
                GRANT SELECT ON ALL TABLES IN SCHEMA parted TO reader;
                """);
        try (Connection reader = reader()) {
            List<TableStream> streams = discover(reader, SHOP.withSchemas(List.of("parted")));
            assertThat(streams).singleElement().satisfies(measures -> {
                assertThat(measures.streamName()).isEqualTo("parted__measures");
                assertThat(measures.kind()).isEqualTo(TableKind.TABLE);
                assertThat(measures.columns()).first().isEqualTo(new ResultColumn("id", "int4", FieldType.INTEGER));
                assertThat(measures.primaryKey()).containsExactly("id", "at");
                assertThat(measures.cursorCandidates()).containsExactly("id", "at");
            });
        }
    }

    @Test
    void namesNeedingQuotesGetAStableNameDistinctFromTheTableSpeltExactly() throws SQLException {
        try (Connection reader = reader()) {
            List<TableStream> first = discover(reader, SHOP);
            TableStream quoted = first.stream().filter(stream -> stream.name().equals("Order Items")).findFirst().orElseThrow();
            assertThat(quoted.streamName()).matches("shop__order_items_[0-9a-f]{8}");
            assertThat(TableCatalog.find(first, "shop__order_items").name()).isEqualTo("order_items");
            assertThat(quoted.columns()).extracting(ResultColumn::name).containsExactly("Item Id", "say \"hi\"", "Updated At");
            assertThat(quoted.primaryKey()).containsExactly("Item Id");
            assertThat(discover(reader, SHOP)).extracting(TableStream::streamName)
                    .containsExactlyElementsOf(first.stream().map(TableStream::streamName).toList());
        }
    }

    @Test
    void anUnknownStreamNameIsRefused() throws SQLException {
        try (Connection reader = reader()) {
            List<TableStream> streams = discover(reader, SHOP);
            assertThatThrownBy(() -> TableCatalog.find(streams, "shop__salaries"))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.errorCode().code()).isEqualTo("postgres.unknown_stream");
                        assertThat(e.getMessage()).contains("'shop__salaries'");
                    });
        }
    }
}
