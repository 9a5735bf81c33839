package io.tributary.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One embedded PostgreSQL for the whole test run (started on first use, stopped at JVM exit),
 * handing out a fresh database per caller so tests never see each other's rows or triggers.
 */
final class TestDatabase {

    /** The MAC key every test log uses; tests that play the attacker never get to use it. */
    static final byte[] MAC_KEY = "test-only audit mac key, 32+ bytes long".getBytes(StandardCharsets.UTF_8);

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return postgres;
    }

    /** A new, empty database, connected as the superuser. */
    static DataSource emptyDatabase() {
        String name = "audit_test_" + DATABASES.incrementAndGet();
        Jdbi.create(postgres().getPostgresDatabase()).useHandle(h -> h.execute("CREATE DATABASE " + name));
        return postgres().getDatabase("postgres", name);
    }

    /** A new database with the audit schema, no app role. */
    static DataSource migratedDatabase() {
        DataSource dataSource = emptyDatabase();
        AuditSchema.migrate(dataSource, "");
        return dataSource;
    }

    /**
     * Changes rows as someone with the owner's rights would: the append-only triggers off for one
     * transaction (ALTER TABLE locks the tables, so no other test sees them off).
     */
    static void asAttacker(Jdbi jdbi, Consumer<Handle> changes) {
        jdbi.useTransaction(h -> {
            h.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            h.execute("ALTER TABLE audit_chain_head DISABLE TRIGGER USER");
            changes.accept(h);
            h.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
            h.execute("ALTER TABLE audit_chain_head ENABLE TRIGGER USER");
        });
    }

    /** A clock standing still at a fixed instant, with sub-microsecond nanos to show truncation. */
    static Clock fixedClock() {
        return Clock.fixed(Instant.parse("2025-03-01T12:00:00.123456789Z"), ZoneOffset.UTC);
    }
}
