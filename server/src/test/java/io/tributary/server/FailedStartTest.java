package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server whose start fails after its embedded PostgreSQL started stops that database: nothing of
 * the environment's lifecycle runs after a failed start, and the database is a process of its own,
 * so left alone it would outlive the server and hold the data directory against the next start.
 */
class FailedStartTest {

    @Test
    void aStartThatFailsAfterTheEmbeddedDatabaseStartedStopsItAndTheNextStartSucceeds() throws Exception {
        Path dataDirectory = TestServer.newDataDirectory();
        // The audit anchor file is opened after the database is up and migrated: under a regular file, it cannot be.
        Path notAFolder = Files.writeString(dataDirectory.resolve("not-a-folder"), "a file");
        Map<String, String> unusableAnchorFile = Map.of("audit.anchorFile", notAFolder.resolve("audit-anchors.jsonl").toString());

        try (TestServer failing = new TestServer(FakeStripe.start(FakeStripeAccount.create()), true, unusableAnchorFile, dataDirectory)) {
            Throwable failure = catchThrowable(failing::start);
            assertThat(failure).as("the start failed").isNotNull();
            assertThat(failure.getCause()).hasMessageContaining("audit anchor file");
        }
        assertThat(dataDirectory.resolve("postgres").resolve("PG_VERSION")).as("the database had started").exists();
        assertThat(dataDirectory.resolve("postgres").resolve("postmaster.pid")).as("and was stopped").doesNotExist();

        try (TestServer next = new TestServer(FakeStripe.start(FakeStripeAccount.create()), true, Map.of(), dataDirectory)) {
            next.start();
            assertThat(next.admin().get("/healthcheck", null).body().at("/database/healthy").asBoolean()).isTrue();
        }
    }
}
