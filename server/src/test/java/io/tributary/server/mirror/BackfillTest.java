package io.tributary.server.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.host.ConnectorInstaller;
import io.tributary.connector.host.Contexts;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.stripe.StripeConnectorFactory;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tributary.server.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Backfills against the fake Stripe into a real PostgreSQL: complete, parallel by window, resumable. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillTest {

    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    private MirrorDatabase database;
    private Jdbi jdbi;
    private FakeStripe stripe;
    private ConnectorContext context;
    private InstalledConnector stripeConnector;
    private Streams connector;
    private MirrorStore store;
    private Backfill backfill;
    private String source;

    @BeforeAll
    void start() throws Exception {
        database = new MirrorDatabase();
        jdbi = database.jdbi();
        FakeStripeAccount account = FakeStripeAccount.generate(5, AccountSize.of(300, 40, 400));
        stripe = FakeStripe.start(account);
        String key = stripe.addKey(KeyAccess.allReads());
        Clock clock = Clock.fixed(Instant.ofEpochSecond(account.now()), ZoneOffset.UTC);
        stripeConnector = ConnectorInstaller.install(new StripeConnectorFactory(), "test", Map.of("api_base", stripe.baseUrl(),
                "rate_limit_test_per_second", "1000", "rate_limit_endpoint_per_second", "1000"));
        connector = stripeConnector.streams().orElseThrow();
        context = Contexts.builder().credentials(() -> new Credentials(Map.of("api_key", key))).clock(clock).build();
        store = new MirrorStore(jdbi, clock);
        backfill = new Backfill(jdbi, store, clock, 20);
    }

    @AfterAll
    void stop() throws Exception {
        stripeConnector.connector().close();
        stripe.close();
        database.close();
    }

    @BeforeEach
    void newSource() {
        source = database.newSource();
    }

    private StreamDescriptor stream(String name) {
        return stripeConnector.stream(name).orElseThrow();
    }

    private Set<String> mirroredIds(String stream) {
        return Set.copyOf(jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT object_id FROM dataset_record WHERE data_source_id = :s AND stream = :t")
                .bind("s", source).bind("t", stream).mapTo(String.class).list()));
    }

    private Set<String> fakeIds(String type) {
        return stripe.account().objects(type).stream().map(object -> object.get("id").asText()).collect(Collectors.toSet());
    }

    @Test
    void aBackfillInParallelWindowsMirrorsEveryObjectExactly() throws Exception {
        backfill.plan(source, stream("charges"), START, 4);
        backfill.plan(source, stream("customers"), START, 4);

        backfill.run(source, stream("charges"), connector, context, 4);
        backfill.run(source, stream("customers"), connector, context, 4);

        assertThat(mirroredIds("charges")).isEqualTo(fakeIds("charge")).hasSize(400);
        assertThat(mirroredIds("customers")).isEqualTo(fakeIds("customer")).hasSize(300);
        assertThat(windows("charges", "done")).as("the four planned windows, and any split from them, all read").isGreaterThanOrEqualTo(4)
                .isEqualTo(windows("charges", "true"));
    }

    @Test
    void aWindowWithMoreToReadIsSplitSoIdleReadersTakeItsOlderHalf() throws Exception {
        backfill.plan(source, stream("charges"), START, 1);
        stripe.resetRequests();

        assertThat(backfill.run(source, stream("charges"), connector, context, 4)).isTrue();

        assertThat(mirroredIds("charges")).isEqualTo(fakeIds("charge")).hasSize(400);
        int windows = windows("charges", "done");
        assertThat(windows).as("one planned window was split for the idle readers").isGreaterThan(1)
                .isEqualTo(windows("charges", "true"));
        assertThat(stripe.requestCount("/v1/charges")).as("20 full pages, plus at most one short page per window")
                .isLessThanOrEqualTo(20 + windows);
        BackfillProgress progress = backfill.progress(source, "charges");
        assertThat(progress.windowsDone()).isEqualTo(progress.windows());
        assertThat(progress.objectsRead()).isEqualTo(400);
        assertThat(progress.estimatedRemaining()).isZero();
    }

    @Test
    void anInterruptedRunStopsAfterItsPagesInFlightAndResumes() throws Exception {
        backfill.plan(source, stream("customers"), START, 2);
        Thread.currentThread().interrupt();
        assertThat(backfill.run(source, stream("customers"), connector, context, 2)).as("interrupted before it was over").isFalse();
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(mirroredIds("customers").size()).isLessThan(300);

        assertThat(backfill.run(source, stream("customers"), connector, context, 2)).isTrue();
        assertThat(mirroredIds("customers")).isEqualTo(fakeIds("customer")).hasSize(300);
    }

    private int windows(String stream, String condition) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM dataset_window WHERE data_source_id = :s AND stream = :t AND " + condition)
                .bind("s", source).bind("t", stream).mapTo(Integer.class).one());
    }

    @Test
    void aStreamWithoutACreationFilterIsReadWholeInOneWindow() throws Exception {
        backfill.plan(source, stream("invoice_line_items"), START, 4);
        backfill.run(source, stream("invoice_line_items"), connector, context, 4);

        assertThat(mirroredIds("invoice_line_items")).isEqualTo(fakeIds("line_item")).isNotEmpty();
    }

    @Test
    void anInterruptedBackfillResumesFromItsLastPageLosingAndDuplicatingNothing() throws Exception {
        backfill.plan(source, stream("customers"), START, 1);
        Streams dying = new AfterPages(connector, 6, () -> {
            throw new IllegalStateException("node died");
        });
        assertThatThrownBy(() -> backfill.run(source, stream("customers"), dying, context, 1)).hasMessageContaining("node died");
        int partial = mirroredIds("customers").size();
        assertThat(partial).as("six pages of 20 were committed before the node died").isEqualTo(120);

        stripe.resetRequests();
        backfill.plan(source, stream("customers"), START, 1); // already planned: resumes
        backfill.run(source, stream("customers"), connector, context, 1);

        assertThat(mirroredIds("customers")).isEqualTo(fakeIds("customer")).hasSize(300);
        assertThat(stripe.requestCount("/v1/customers")).as("only the rest was read: 180 of 300, 9 pages").isEqualTo(9);
    }

    @Test
    void aClockSteppingBackDuringAFullReadMarksNoLiveObjectDeleted() throws Exception {
        MutableClock clock = new MutableClock();
        Instant read = Instant.ofEpochSecond(stripe.account().now());
        clock.set(read);
        MirrorStore store = new MirrorStore(jdbi, clock);
        Backfill steppingBack = new Backfill(jdbi, store, clock, 20);
        // A customer an earlier read mirrored, which the account no longer has.
        store.write(source, List.of(new MirroredObject("customers", "cus_goneSinceLastRead", read.minus(Duration.ofDays(400)),
                read.minus(Duration.ofHours(1)), false, JsonNodeFactory.instance.objectNode().put("id", "cus_goneSinceLastRead"))));
        steppingBack.plan(source, stream("customers"), START, read, 1);
        // After three pages the server's clock steps back an hour (an NTP correction, say).
        Streams stepping = new AfterPages(connector, 3, () -> clock.advance(Duration.ofHours(-1)));

        Backfill.Outcome outcome = steppingBack.run(source, List.of(stream("customers")), stepping, context, 1, null,
                Map.of("customers", read));
        int deleted = jdbi.inTransaction(handle -> store.sweepUnseen(handle, source, "customers", read));

        assertThat(outcome.complete()).containsExactly("customers");
        assertThat(deleted).as("only the customer the read did not see").isEqualTo(1);
        Set<String> live = Set.copyOf(jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT object_id FROM dataset_record WHERE data_source_id = :s AND stream = 'customers' AND NOT deleted")
                .bind("s", source).mapTo(String.class).list()));
        assertThat(live).as("every customer read after the clock stepped back is still live").isEqualTo(fakeIds("customer"));
    }

    /** A connector's streams that do something (die, move a clock) once they have read a number of pages. */
    private static final class AfterPages implements Streams {
        private final Streams delegate;
        private final int pages;
        private final Runnable then;
        private final AtomicInteger read = new AtomicInteger();

        AfterPages(Streams delegate, int pages, Runnable then) {
            this.delegate = delegate;
            this.pages = pages;
            this.then = then;
        }

        @Override
        public List<StreamDescriptor> descriptors() {
            return delegate.descriptors();
        }

        @Override
        public StreamPage read(ConnectorContext context, StreamReadRequest request) {
            if (read.incrementAndGet() == pages + 1) {
                then.run();
            }
            return delegate.read(context, request);
        }
    }
}
