package io.tributary.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.core.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's Jdbi binds and maps every stored enum as its lower-case text, the PostgresPlugin notwithstanding. */
class StoredEnumBindingTest {

    private static final List<Class<? extends Enum<?>>> STORED = List.of(SourceStatus.class, StreamMode.class, StreamState.class,
            AnsweredFrom.class, TokenScope.class);

    private static EmbeddedPostgres postgres;
    private static Jdbi jdbi;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbi = Database.jdbi(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void eachConstantIsBoundAsItsTextAndMappedBackFromIt() {
        for (Class<? extends Enum<?>> type : STORED) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String text = jdbi.withHandle(handle -> handle.createQuery("SELECT CAST(:value AS text)").bind("value", constant)
                        .mapTo(String.class).one());
                assertThat(text).isEqualTo(constant.name().toLowerCase(java.util.Locale.ROOT));
                Object mapped = jdbi.withHandle(handle -> handle.createQuery("SELECT CAST(:text AS text)").bind("text", text)
                        .mapTo(type).one());
                assertThat(mapped).isSameAs(constant);
            }
        }
    }

    @Test
    void aMissingValueIsBoundAsNull() {
        Boolean isNull = jdbi.withHandle(handle -> handle.createQuery("SELECT CAST(:value AS text) IS NULL")
                .bindByType("value", null, AnsweredFrom.class).mapTo(Boolean.class).one());
        assertThat(isNull).isTrue();
    }
}
