package io.tributary.server.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The mirror's writes against a real PostgreSQL: idempotent, newest version wins, deletions kept as such. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MirrorStoreTest {

    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");

    private MirrorDatabase database;
    private Jdbi jdbi;
    private MirrorStore store;
    private String source;

    @BeforeAll
    void start() throws Exception {
        database = new MirrorDatabase();
        jdbi = database.jdbi();
        store = new MirrorStore(jdbi, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    void stop() throws Exception {
        database.close();
    }

    @BeforeEach
    void newSource() {
        source = database.newSource();
    }

    private static MirroredObject customer(String id, String email, Instant version, boolean deleted) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("id", id).put("object", "customer").put("email", email);
        return new MirroredObject("customers", id, T1, version, deleted, data);
    }

    @Test
    void writingTheSamePageTwiceChangesNothing() {
        List<MirroredObject> page = List.of(customer("cus_1", "a@example.com", T1, false), customer("cus_2", "b@example.com", T1, false));

        assertThat(store.write(source, page)).isEqualTo(2);
        assertThat(store.write(source, page)).isZero();
        assertThat(store.count(source, "customers")).isEqualTo(2);
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() {
        store.write(source, List.of(customer("cus_1", "new@example.com", T2, false)));

        assertThat(store.write(source, List.of(customer("cus_1", "old@example.com", T1, false)))).isZero();
        assertThat(store.find(source, "customers", "cus_1").orElseThrow().data().get("email").asText()).isEqualTo("new@example.com");
    }

    @Test
    void aNewerVersionReplacesAndADeletionIsKeptAsADeletion() {
        store.write(source, List.of(customer("cus_1", "a@example.com", T1, false)));
        assertThat(store.write(source, List.of(customer("cus_1", "a2@example.com", T2, false)))).isEqualTo(1);
        assertThat(store.find(source, "customers", "cus_1").orElseThrow().versionAt()).isEqualTo(T2);

        assertThat(store.write(source, List.of(customer("cus_1", "a2@example.com", T2.plusSeconds(1), true)))).isEqualTo(1);
        assertThat(store.find(source, "customers", "cus_1").orElseThrow().deleted()).isTrue();
        assertThat(store.count(source, "customers")).isZero();
        // A late event from before the deletion does not bring the object back.
        assertThat(store.write(source, List.of(customer("cus_1", "a@example.com", T2, false)))).isZero();
        assertThat(store.find(source, "customers", "cus_1").orElseThrow().deleted()).isTrue();
    }

    @Test
    void aRereadOfTheSameVersionWithOtherContentReplacesIt() {
        store.write(source, List.of(customer("cus_1", "a@example.com", T1, false)));

        assertThat(store.write(source, List.of(customer("cus_1", "changed@example.com", T1, false)))).isEqualTo(1);
        assertThat(store.find(source, "customers", "cus_1").orElseThrow().data().get("email").asText()).isEqualTo("changed@example.com");
    }

    @Test
    void deletingTheDataSourceRemovesItsMirror() {
        store.write(source, List.of(customer("cus_1", "a@example.com", T1, false)));

        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM data_source WHERE id = :id").bind("id", source).execute());

        assertThat(store.find(source, "customers", "cus_1")).isEmpty();
        assertThat(store.count(source, "customers")).isZero();
    }
}
