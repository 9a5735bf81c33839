package io.tributary.server.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.server.api.DatasetRecordPage;
import io.tributary.server.problems.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Reading the mirror against a real PostgreSQL: the API's record pages and a connector's reader. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MirrorReadsTest {

    private static final Instant READ = Instant.parse("2026-11-20T00:00:00Z");

    private MirrorDatabase database;
    private DatasetRecords records;
    private String source;

    @BeforeAll
    void start() throws Exception {
        database = new MirrorDatabase();
        records = new DatasetRecords(database.jdbi());
        source = database.newSource();
        MirrorStore store = new MirrorStore(database.jdbi(), Clock.fixed(READ, ZoneOffset.UTC));
        store.write(source, List.of(
                customer("cus_1", "2026-11-01T00:00:00Z", "active", "pro", false),
                customer("cus_2", "2026-11-02T00:00:00Z", "active", "free", false),
                customer("cus_3", "2026-11-03T00:00:00Z", "closed", "pro", false),
                customer("cus_4", "2026-11-04T00:00:00Z", "active", "pro", true),
                customer("cus_5", null, "active", "pro", false)));
    }

    @AfterAll
    void stop() throws Exception {
        database.close();
    }

    private static MirroredObject customer(String id, String created, String status, String plan, boolean deleted) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("id", id).put("status", status);
        data.putObject("metadata").put("plan", plan);
        return new MirroredObject("customers", id, created == null ? null : Instant.parse(created), READ, deleted, data);
    }

    private static DatasetRecords.RecordQuery query(int limit, String cursor, List<String> filters, boolean includeDeleted) {
        return new DatasetRecords.RecordQuery(limit, cursor, null, null, DatasetRecords.filters(filters), includeDeleted);
    }

    private static List<String> ids(DatasetRecordPage page) {
        return page.records().stream().map(DatasetRecordPage.DatasetRecord::id).toList();
    }

    @Test
    void pagesRunNewestFirstWithRecordsWithoutACreationTimeLastAndCursorsCoverEveryRecordOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            DatasetRecordPage page = records.page(source, "customers", query(2, cursor, List.of(), false));
            seen.addAll(ids(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly("cus_3", "cus_2", "cus_1", "cus_5");
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void filtersBoundsAndDeletedRecordsNarrowThePage() {
        assertThat(ids(records.page(source, "customers", query(10, null, List.of("status=active", "metadata.plan=pro"), false))))
                .containsExactly("cus_1", "cus_5");
        assertThat(ids(records.page(source, "customers", query(10, null, List.of("metadata.plan=pro"), true))))
                .containsExactly("cus_4", "cus_3", "cus_1", "cus_5");
        DatasetRecords.RecordQuery bounded = new DatasetRecords.RecordQuery(10, null, Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-04T00:00:00Z"), List.of(), true);
        assertThat(ids(records.page(source, "customers", bounded))).containsExactly("cus_3", "cus_2");
    }

    @Test
    void aValueInAFilterIsDataNeverSql() {
        assertThat(ids(records.page(source, "customers", query(10, null, List.of("status=active' OR 'a'='a"), true)))).isEmpty();
    }

    @Test
    void aCursorThisEndpointDidNotGiveIsRefused() {
        assertThatThrownBy(() -> records.page(source, "customers", query(10, "bm90LWEtY3Vyc29y", List.of(), false)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void aConnectorReadsLiveObjectsNewestFirstOnlyFromTheStreamsItsQueryNamed() {
        MirrorRecordsReader reader = new MirrorRecordsReader(database.jdbi(), source, Set.of("customers"));
        List<String> all = new ArrayList<>();
        reader.forEach("customers", null, record -> all.add(record.get("id").asText()));
        assertThat(all).containsExactly("cus_3", "cus_2", "cus_1", "cus_5");
        List<String> window = new ArrayList<>();
        reader.forEach("customers", new CreatedWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z")),
                record -> window.add(record.get("id").asText()));
        assertThat(window).containsExactly("cus_2", "cus_1");
        assertThat(reader.newest("customers", 2)).extracting(record -> record.get("id").asText()).containsExactly("cus_3", "cus_2");
        assertThat(reader.find("customers", "cus_1")).hasValueSatisfying(record -> assertThat(record.get("status").asText()).isEqualTo("active"));
        assertThat(reader.find("customers", "cus_4")).as("deleted").isEmpty();
        assertThatThrownBy(() -> reader.newest("charges", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
