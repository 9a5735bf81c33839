package io.tributary.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The pools against a real database, on a clock the test moves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionPoolsTest {

    @TempDir
    static Path directory;

    private CustomerDatabase database;
    private final AtomicLong nanos = new AtomicLong();

    @BeforeAll
    void start() {
        database = CustomerDatabase.start(directory.resolve("pg"));
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @Test
    void aPoolHoldsAtMostItsSizeAndRefusesTransientlyWhenAllAreBusy() throws Exception {
        CountingOpener counter = new CountingOpener();
        try (ConnectionPools pools = new ConnectionPools(counter.opener(), 2, Duration.ofMillis(50), Duration.ofMinutes(5), nanos::get)) {
            PostgresCredentials reader = reader();
            ConnectionPools.Lease first = pools.borrow(reader);
            ConnectionPools.Lease second = pools.borrow(reader);
            assertThatThrownBy(() -> pools.borrow(reader)).isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT));
            first.close();
            try (ConnectionPools.Lease third = pools.borrow(reader)) {
                assertThat(third.connection()).as("the one given back").isSameAs(first.connection());
            }
            second.broken();
            second.close();
            assertThat(second.connection().isClosed()).as("a broken connection is not kept").isTrue();
            assertThat(counter.opened()).isEqualTo(2);
        }
    }

    @Test
    void anIdlePoolIsClosedOnTheNextUseOfAnother() throws Exception {
        CountingOpener counter = new CountingOpener();
        try (ConnectionPools pools = new ConnectionPools(counter.opener(), 2, Duration.ofSeconds(1), Duration.ofMinutes(5), nanos::get)) {
            Connection readers;
            try (ConnectionPools.Lease lease = pools.borrow(reader())) {
                readers = lease.connection();
            }
            nanos.addAndGet(Duration.ofMinutes(4).toNanos());
            pools.borrow(owner()).close();
            assertThat(pools.poolCount()).as("not idle long enough yet").isEqualTo(2);
            assertThat(readers.isClosed()).isFalse();

            nanos.addAndGet(Duration.ofMinutes(2).toNanos());
            pools.borrow(owner()).close();
            assertThat(pools.poolCount()).isEqualTo(1);
            assertThat(readers.isClosed()).as("the idle pool's connections were closed").isTrue();
        }
    }

    @Test
    void theKeyIsAHashThatChangesWithThePassword() {
        String key = ConnectionPools.key(reader());
        assertThat(key).hasSize(64).doesNotContain(CustomerDatabase.READER_PASSWORD).doesNotContain("reader");
        assertThat(ConnectionPools.key(CustomerDatabase.credentialsOf(database, "reader", "another-password"))).isNotEqualTo(key);
        assertThat(ConnectionPools.key(reader())).isEqualTo(key);
    }

    private PostgresCredentials reader() {
        return CustomerDatabase.credentialsOf(database, "reader", CustomerDatabase.READER_PASSWORD);
    }

    private PostgresCredentials owner() {
        return CustomerDatabase.credentialsOf(database, "owner", CustomerDatabase.OWNER_PASSWORD);
    }
}
