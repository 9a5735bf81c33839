package io.tributary.server.bench;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.tributary.connector.host.ConnectorInstaller;
import io.tributary.connector.host.Contexts;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.stripe.StripeConnectorFactory;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.RecordedRequest;
import io.tributary.connector.stripe.fake.StripeObjectType;
import io.tributary.server.core.Database;
import io.tributary.server.mirror.Backfill;
import io.tributary.server.mirror.MirrorStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Measures the mirror's dataset backfill ({@link Backfill}, as {@code DatasetSync} runs it)
 * against the fake Stripe under realistic conditions: 300 ms a request, 100 requests/s allowed by
 * the fake (429 beyond, for the account and per endpoint), the connector's own limiter at 100/s,
 * pages of 100, into an embedded PostgreSQL behind a pool sized as the server's. A generated
 * account of about 55,000 objects is built first (not timed); then:
 * <ol>
 *   <li>{@code shared}: twelve streams read together by one set of readers, as {@code DatasetSync}
 *       reads them, with the server's defaults (32 readers, 16 windows);</li>
 *   <li>{@code sequential}: the same streams one after another, each with its own 32 readers;</li>
 *   <li>{@code concurrent}: the same streams, one thread per stream, sharing the key's limiter;</li>
 *   <li>{@code baseline}: one stream read one page at a time (1 reader, 1 window).</li>
 * </ol>
 * After each run the mirrored ids of every stream must be the fake account's, else it fails.
 * Besides the figures it prints where the readers' time went (page reads, database, idle) and the
 * CPU of the JVM (the fake Stripe runs in it), of PostgreSQL and of the machine's other processes.
 *
 * <p>Run it with {@code bench/run-backfill.sh [sequential] [concurrent] [baseline]}; figures go to
 * BENCHMARKS.md. Knobs (system properties): {@code bench.latencyMs} (300), {@code bench.rate} (100),
 * {@code bench.readers} (32), {@code bench.windows} (16), {@code bench.pageSize} (100),
 * {@code bench.poolSize} (16, the server's), {@code bench.baselineStream} (charges),
 * {@code bench.startDate} (none: from the epoch, as a selection without a start date does),
 * {@code bench.quietWait} (0: seconds to wait, before each run, for the machine's other processes
 * to go quiet; the CPU they used during each run is printed either way).
 */
public final class BackfillBench {

    /** The top-level streams Stripe filters by creation time that hold most of the account, in DatasetSync's order. */
    private static final Map<String, String> STREAMS = new LinkedHashMap<>();

    static {
        STREAMS.put("balance_transactions", "balance_transaction");
        STREAMS.put("charges", "charge");
        STREAMS.put("checkout_sessions", "checkout.session");
        STREAMS.put("customers", "customer");
        STREAMS.put("disputes", "dispute");
        STREAMS.put("invoice_items", "invoiceitem");
        STREAMS.put("invoices", "invoice");
        STREAMS.put("payment_intents", "payment_intent");
        STREAMS.put("payouts", "payout");
        STREAMS.put("refunds", "refund");
        STREAMS.put("subscriptions", "subscription");
        STREAMS.put("transfers", "transfer");
    }

    private static final AccountSize SIZE = AccountSize.of(4_000, 3_000, 12_000);
    private static final long SEED = 2026;
    /** Where DatasetSync starts a full read of a stream without a start date. */
    private static final Instant BEGINNING = Instant.EPOCH;
    private static final long SAMPLE_MILLIS = 100;

    private final int latencyMs = Integer.getInteger("bench.latencyMs", 300);
    private final double rate = Double.parseDouble(System.getProperty("bench.rate", "100"));
    private final int readers = Integer.getInteger("bench.readers", 32);
    private final int windows = Integer.getInteger("bench.windows", 16);
    private final int pageSize = Integer.getInteger("bench.pageSize", 100);
    private final int poolSize = Integer.getInteger("bench.poolSize", 16);
    private final String baselineStream = System.getProperty("bench.baselineStream", "charges");
    private final Instant startDate = System.getProperty("bench.startDate") == null ? BEGINNING
            : Instant.parse(System.getProperty("bench.startDate"));
    /** On a shared machine: wait up to this many seconds before each run for the other processes to go quiet. */
    private final int quietWait = Integer.getInteger("bench.quietWait", 0);

    private EmbeddedPostgres postgres;
    private long postmasterPid = -1;
    private ManagedDataSource pool;
    private Jdbi jdbi;
    private FakeStripe stripe;
    private String key;
    private Clock clock;
    private final Map<String, Set<String>> fakeIds = new LinkedHashMap<>();
    private final DbTimes db = new DbTimes();
    private int sources;

    private BackfillBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> runs = args.length == 0 ? List.of("shared", "sequential", "concurrent", "baseline") : List.of(args);
        BackfillBench bench = new BackfillBench();
        try {
            bench.setUp();
            bench.warmUp();
            List<String> summary = new ArrayList<>();
            for (String run : runs) {
                List<String> streams = List.copyOf(STREAMS.keySet());
                Result result = switch (run) {
                    case "shared" -> bench.run("12 streams sharing one set of readers (as DatasetSync)", streams, false, bench.readers,
                            bench.windows, true);
                    case "sequential" -> bench.run("12 streams one after another", streams, false, bench.readers, bench.windows);
                    case "concurrent" -> bench.run("12 streams at once, a thread each", streams, true, bench.readers, bench.windows);
                    case "baseline" -> bench.run(bench.baselineStream + " alone, one page at a time", List.of(bench.baselineStream),
                            false, 1, 1);
                    default -> throw new IllegalArgumentException("Unknown run " + run + ": shared, sequential, concurrent or baseline");
                };
                summary.add(bench.report(result));
            }
            System.out.println("| run | readers | windows | objects | requests | 429s | wall s | objects/s | requests/s |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            summary.forEach(System.out::println);
        } finally {
            bench.tearDown();
        }
    }

    private void setUp() throws Exception {
        System.out.printf(Locale.ROOT, "%d cores, max heap %d MiB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        long t = System.nanoTime();
        FakeStripeAccount account = FakeStripeAccount.generate(SEED, SIZE);
        System.out.printf(Locale.ROOT, "generated %s in %.1f s (not timed)%n", SIZE, seconds(t));
        int total = 0;
        for (StripeObjectType type : StripeObjectType.values()) {
            total += account.count(type.objectName());
        }
        int backfilled = 0;
        StringBuilder counts = new StringBuilder();
        InstalledConnector descriptors = ConnectorInstaller.install(new StripeConnectorFactory(), "bench", Map.of()); // its streams only
        for (Map.Entry<String, String> stream : STREAMS.entrySet()) {
            // A backfill reads up to its "now" (the account's clock); what was created later is the
            // incremental sync's. The generator dates a few invoices after its clock: not expected.
            String createdField = descriptors.stream(stream.getKey()).orElseThrow().cursorField().orElseThrow();
            List<ObjectNode> all = account.objects(stream.getValue());
            Set<String> ids = all.stream().filter(object -> object.path(createdField).asLong() < account.now())
                    .map(object -> object.get("id").asText()).collect(Collectors.toCollection(HashSet::new));
            fakeIds.put(stream.getKey(), ids);
            backfilled += ids.size();
            counts.append(String.format(Locale.ROOT, "  %-22s %,7d%s%n", stream.getKey(), ids.size(), all.size() == ids.size() ? ""
                    : String.format(Locale.ROOT, " (and %d created after the account's clock, which a backfill leaves to the "
                            + "incremental sync)", all.size() - ids.size())));
        }
        System.out.printf(Locale.ROOT, "account: %,d objects of every type, child objects included; the %d streams read hold %,d:%n%s",
                total, STREAMS.size(), backfilled, counts);

        stripe = FakeStripe.start(account);
        key = stripe.addKey(KeyAccess.allReads());
        clock = Clock.fixed(Instant.ofEpochSecond(account.now()), ZoneOffset.UTC);

        t = System.nanoTime();
        postgres = EmbeddedPostgres.builder().start();
        Database.migrate(postgres.getPostgresDatabase());
        // A pool as the server's (Database.open): tomcat-jdbc through Dropwizard, 16 connections by default.
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.postgresql.Driver");
        factory.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        factory.setUser("postgres");
        factory.setPassword("");
        factory.setMaxSize(poolSize);
        factory.setMinSize(2);
        factory.setInitialSize(2);
        factory.setValidationQuery("SELECT 1");
        pool = factory.build(new MetricRegistry(), "postgresql");
        pool.start();
        jdbi = Database.jdbi(new TimedDataSource(pool, db));
        jdbi.setSqlLogger(db);
        int backend = jdbi.withHandle(handle -> handle.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one());
        postmasterPid = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
        String settings = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings "
                                + "WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'server_version')")
                .mapTo(String.class).one());
        jdbi.useHandle(handle -> handle.execute("INSERT INTO workspace (id, name, plan, data_key, created_at) "
                + "VALUES ('ws_bench', 'Bench', 'free', 'not-used-here', now())"));
        System.out.printf(Locale.ROOT, "embedded PostgreSQL (%s) started and migrated in %.1f s; a pool of %d connections%n", settings,
                seconds(t), poolSize);
        System.out.printf(Locale.ROOT, "fake Stripe: %d ms a request, %.0f requests/s (429 beyond) for the account and per endpoint; "
                        + "the connector's limiter at %.0f/s for the account and per endpoint; pages of %d; start date %s%n%n",
                latencyMs, rate, rate, pageSize, startDate);
    }

    private void tearDown() throws IOException {
        if (stripe != null) {
            stripe.close();
        }
        if (pool != null) {
            try {
                pool.stop();
            } catch (Exception e) {
                // closing anyway
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /**
     * Warms the JVM (and PostgreSQL) up with one backfill of every stream, with neither latency nor
     * limits; not reported, but what a row weighs is.
     */
    private void warmUp() throws Exception {
        long t = System.nanoTime();
        stripe.clearFaults();
        String source = newSource();
        Backfill backfill = new Backfill(jdbi, new MirrorStore(jdbi, clock), clock, pageSize);
        InstalledConnector connector = stripeConnector(10_000);
        ConnectorContext context = context();
        for (String stream : STREAMS.keySet()) {
            StreamDescriptor descriptor = connector.stream(stream).orElseThrow();
            backfill.plan(source, descriptor, startDate, clock.instant(), windows);
            backfill.run(source, descriptor, connector.streams().orElseThrow(), context, readers);
        }
        connector.connector().close();
        verify(source, List.copyOf(STREAMS.keySet()));
        String weight = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT format('%s bytes of JSON a row on average, %s stored (jsonb, compressed when large); the table %s MB, "
                                + "its indexes %s MB', round(avg(octet_length(data::text))), round(avg(pg_column_size(data))), "
                                + "pg_table_size('dataset_record') / 1000000, pg_indexes_size('dataset_record') / 1000000) FROM dataset_record")
                .mapTo(String.class).one());
        truncate();
        System.out.printf(Locale.ROOT, "warmed up in %.1f s with one backfill of every stream, not timed: %s%n%n", seconds(t), weight);
    }

    /** What one run did: the meters' differences over it. */
    private record Result(String title, List<String> streams, boolean concurrently, int readers, int windows, long objects,
                          double seconds, long requests, long ok, long tooMany, Meters.Delta delta, double othersBefore,
                          List<StreamResult> perStream) {
    }

    /** One stream of a sequential run. */
    private record StreamResult(String stream, long objects, long requests, long tooMany, int windows, double seconds, double inFlight,
                                String timeline) {
    }

    private Result run(String title, List<String> streams, boolean concurrently, int readers, int windows) throws Exception {
        return run(title, streams, concurrently, readers, windows, false);
    }

    /** @param shared all streams in one {@link Backfill#run(String, List, Streams, ConnectorContext, int)}, as DatasetSync */
    private Result run(String title, List<String> streams, boolean concurrently, int readers, int windows, boolean shared)
            throws Exception {
        truncate();
        String source = newSource();
        stripe.clearFaults();
        // The fake's one-second window forgets the last run; meanwhile, how busy the machine is without us.
        long waitUntil = System.nanoTime() + quietWait * 1_000_000_000L;
        double othersBefore;
        do {
            long[] idle0 = machineTicks();
            Thread.sleep(1_500);
            othersBefore = busy(idle0, machineTicks());
        } while (othersBefore > 0.15 && System.nanoTime() < waitUntil);
        stripe.latency(Duration.ofMillis(latencyMs));
        stripe.rateLimit(rate, rate);
        stripe.resetRequests();
        InstalledConnector stripeConnector = stripeConnector(rate); // a new limiter, idle
        TimedConnector connector = new TimedConnector(stripeConnector.streams().orElseThrow());
        ConnectorContext context = context();
        Backfill backfill = new Backfill(jdbi, new MirrorStore(jdbi, clock), clock, pageSize);
        List<StreamResult> perStream = new ArrayList<>();
        Meters meters = new Meters(connector);

        Meters.Snapshot start = meters.snapshot();
        if (shared) {
            List<StreamDescriptor> descriptors = new ArrayList<>();
            for (String stream : streams) {
                StreamDescriptor descriptor = stripeConnector.stream(stream).orElseThrow();
                backfill.plan(source, descriptor, startDate, clock.instant(), windows);
                descriptors.add(descriptor);
            }
            Backfill.Outcome outcome = backfill.run(source, descriptors, connector, context, readers);
            if (outcome.complete().size() != streams.size()) {
                throw new IllegalStateException("The shared backfill did not complete: " + outcome);
            }
        } else if (concurrently) {
            ExecutorService threads = Executors.newFixedThreadPool(streams.size());
            List<Future<?>> running = new ArrayList<>();
            for (String stream : streams) {
                running.add(threads.submit(() -> {
                    backfillStream(backfill, source, stripeConnector.stream(stream).orElseThrow(), connector, context,
                            readers, windows);
                    return null;
                }));
            }
            for (Future<?> stream : running) {
                stream.get();
            }
            threads.shutdown();
        } else {
            for (String stream : streams) {
                long streamStart = System.nanoTime();
                long requestsBefore = stripe.requestCount();
                long tooManyBefore = tooMany();
                long busyBefore = connector.busyNanos.sum();
                connector.startTimeline();
                backfillStream(backfill, source, stripeConnector.stream(stream).orElseThrow(), connector, context, readers,
                        windows);
                double streamSeconds = seconds(streamStart);
                perStream.add(new StreamResult(stream, fakeIds.get(stream).size(), stripe.requestCount() - requestsBefore,
                        tooMany() - tooManyBefore, windowCount(source, stream), streamSeconds,
                        (connector.busyNanos.sum() - busyBefore) / 1e9 / streamSeconds, connector.stopTimeline()));
            }
        }
        Meters.Delta delta = meters.since(start);
        meters.close();

        List<RecordedRequest> requests = stripe.requests();
        stripe.clearFaults();
        long objects = verify(source, streams);
        long ok = requests.stream().filter(request -> request.status() == 200).count();
        long tooMany = requests.stream().filter(request -> request.status() == 429).count();
        return new Result(title, streams, concurrently, readers, windows, objects, delta.seconds(), requests.size(), ok, tooMany, delta,
                othersBefore, perStream);
    }

    /** As DatasetSync's full read: plan from the start date up to now, then read every window. */
    private void backfillStream(Backfill backfill, String source, StreamDescriptor stream, Streams connector, ConnectorContext context,
                                int readers, int windows) throws InterruptedException {
        backfill.plan(source, stream, startDate, clock.instant(), windows);
        if (!backfill.run(source, stream, connector, context, readers)) {
            throw new IllegalStateException("The backfill of " + stream.name() + " was interrupted");
        }
    }

    /** The mirrored ids of each stream must be the fake account's, exactly. */
    private long verify(String source, List<String> streams) {
        long objects = 0;
        for (String stream : streams) {
            Set<String> mirrored = new HashSet<>(jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT object_id FROM dataset_record WHERE data_source_id = :s AND stream = :t AND NOT deleted")
                    .bind("s", source).bind("t", stream).mapTo(String.class).list()));
            Set<String> expected = fakeIds.get(stream);
            if (!mirrored.equals(expected)) {
                Set<String> missing = new HashSet<>(expected);
                missing.removeAll(mirrored);
                Set<String> extra = new HashSet<>(mirrored);
                extra.removeAll(expected);
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "The mirror of %s is wrong: %d mirrored, %d in the account, %d missing (e.g. %s), %d extra (e.g. %s)", stream,
                        mirrored.size(), expected.size(), missing.size(), missing.stream().limit(3).toList(), extra.size(),
                        extra.stream().limit(3).toList()));
            }
            objects += mirrored.size();
        }
        return objects;
    }

    /** Prints a run and returns its row of the summary table. */
    private String report(Result r) {
        Meters.Delta d = r.delta();
        int cores = Runtime.getRuntime().availableProcessors();
        double readerSeconds = (double) r.readers() * (r.concurrently() ? r.streams().size() : 1) * r.seconds();
        double dbSeconds = d.connectionHeldSeconds() + d.connectionWaitSeconds();
        double machine = d.machineBusy() * cores * r.seconds();
        double others = Math.max(0, machine - d.jvmCpuSeconds() - d.postgresCpuSeconds());
        System.out.printf(Locale.ROOT, "== %s (readers %d, windows %d)%n", r.title(), r.readers(), r.windows());
        System.out.printf(Locale.ROOT, "   objects %,d (mirrored ids = the account's ids: checked); requests %,d: %,d answered 200, %,d answered 429%n",
                r.objects(), r.requests(), r.ok(), r.tooMany());
        System.out.printf(Locale.ROOT, "   wall %.1f s: %,.0f objects/s, %.1f requests/s; %.1f objects a page on average%n",
                r.seconds(), r.objects() / r.seconds(), r.requests() / r.seconds(), (double) r.objects() / r.ok());
        System.out.printf(Locale.ROOT, "   ceilings: %.0f requests/s x %d objects = %,.0f objects/s (rate); %d readers x %d objects / %d ms = %,.0f objects/s "
                        + "(latency)%n", rate, pageSize, rate * pageSize, r.readers() * (r.concurrently() ? r.streams().size() : 1), pageSize,
                latencyMs, r.readers() * (r.concurrently() ? r.streams().size() : 1) * (double) pageSize / (latencyMs / 1000.0));
        System.out.printf(Locale.ROOT, "   readers' time (%.0f reader-seconds): reading pages %.0f s (%.1f in flight on average, %.0f ms a page: limiter, "
                        + "request, %d ms latency, retries, parsing); in the database %.0f s (holding a connection %.0f s, %.0f ms a page; "
                        + "waiting for one %.0f s); the rest, %.0f s (%.0f%%), idle for want of a window or between steps%n",
                readerSeconds, d.readSeconds(), d.readSeconds() / r.seconds(), d.readSeconds() * 1000 / Math.max(1, r.ok()), latencyMs,
                dbSeconds, d.connectionHeldSeconds(), d.connectionHeldSeconds() * 1000 / Math.max(1, r.ok()), d.connectionWaitSeconds(),
                readerSeconds - d.readSeconds() - dbSeconds, 100 * (readerSeconds - d.readSeconds() - dbSeconds) / readerSeconds);
        StringBuilder statements = new StringBuilder();
        d.statements().forEach((kind, times) -> statements.append(String.format(Locale.ROOT, "%s%s: %,d, %.1f ms each",
                statements.length() == 0 ? "" : "; ", kind, times[0], times[1] / 1e6 / Math.max(1, times[0]))));
        System.out.printf(Locale.ROOT, "   statements: %s; commits: %.1f ms each%n", statements, d.commitSeconds() * 1000 / Math.max(1, d.commits()));
        StringBuilder jvmThreads = new StringBuilder();
        d.jvmThreads().forEach((group, seconds) -> jvmThreads.append(String.format(Locale.ROOT, "%s%s %.1f s",
                jvmThreads.length() == 0 ? "" : ", ", group, seconds)));
        System.out.printf(Locale.ROOT, "   cpu: JVM %.1f s (%.0f%% of a core: %s), "
                        + "PostgreSQL %.1f s (%.0f%%), the machine's other processes %.1f s (%.0f%%); the machine %.0f%% busy "
                        + "(%.0f%% in the 1.5 s before the run)%n",
                d.jvmCpuSeconds(), 100 * d.jvmCpuSeconds() / r.seconds(), jvmThreads,
                d.postgresCpuSeconds(), 100 * d.postgresCpuSeconds() / r.seconds(), others, 100 * others / r.seconds(),
                100 * d.machineBusy(), 100 * r.othersBefore());
        if (!r.perStream().isEmpty()) {
            System.out.printf(Locale.ROOT, "   %-21s %8s %9s %4s %8s %7s %10s %9s  %s%n", "stream", "objects", "requests", "429", "windows",
                    "wall s", "objects/s", "in flight", "pages in flight, every " + SAMPLE_MILLIS + " ms");
            for (StreamResult s : r.perStream()) {
                System.out.printf(Locale.ROOT, "   %-21s %,8d %,9d %4d %8d %7.2f %,10.0f %9.1f  %s%n", s.stream(), s.objects(), s.requests(),
                        s.tooMany(), s.windows(), s.seconds(), s.objects() / s.seconds(), s.inFlight(), s.timeline());
            }
        }
        System.out.println();
        return String.format(Locale.ROOT, "| %s | %d | %d | %,d | %,d | %,d | %.1f | %,.0f | %.1f |", r.title(), r.readers(), r.windows(),
                r.objects(), r.requests(), r.tooMany(), r.seconds(), r.objects() / r.seconds(), r.requests() / r.seconds());
    }

    private ConnectorContext context() {
        return Contexts.builder().credentials(() -> new Credentials(Map.of("api_key", key))).clock(clock).build();
    }

    /** A Stripe connector with its own, idle rate limiter at this rate. */
    private InstalledConnector stripeConnector(double perSecond) {
        String limit = String.valueOf(perSecond);
        return ConnectorInstaller.install(new StripeConnectorFactory(), "bench", Map.of("api_base", stripe.baseUrl(),
                "rate_limit_test_per_second", limit, "rate_limit_live_per_second", limit, "rate_limit_endpoint_per_second", limit));
    }

    private String newSource() {
        String source = "ds_bench" + (++sources);
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO data_source (id, workspace_id, type, label, cadence_minutes, credentials, "
                        + "credential_hints, has_webhook_secret, status, created_at, updated_at) VALUES (:id, 'ws_bench', 'stripe', 'B', 60, "
                        + "'not-used-here', '{}', false, 'active', now(), now())")
                .bind("id", source).execute());
        return source;
    }

    private void truncate() {
        jdbi.useHandle(handle -> {
            handle.execute("TRUNCATE dataset_record, dataset_window");
            handle.execute("VACUUM ANALYZE dataset_record");
            handle.execute("CHECKPOINT");
        });
    }

    private int windowCount(String source, String stream) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM dataset_window WHERE data_source_id = :s AND stream = :t")
                .bind("s", source).bind("t", stream).mapTo(Integer.class).one());
    }

    private long tooMany() {
        return stripe.requests().stream().filter(request -> request.status() == 429).count();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The share of the machine's time that was not idle between two readings of {@link #machineTicks}. */
    private static double busy(long[] before, long[] after) {
        return after[1] - before[1] > 0 ? 1.0 - (double) (after[0] - before[0]) / (after[1] - before[1]) : Double.NaN;
    }

    /** Idle and total jiffies of the whole machine, from /proc/stat; zeros where there is none. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            return new long[] {Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]), total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** Everything a run measures besides the fake's request log. */
    private final class Meters implements AutoCloseable {
        private final TimedConnector connector;

        Meters(TimedConnector connector) {
            this.connector = connector;
            db.reset();
        }

        record Snapshot(long nanos, long jvmCpu, Map<Long, ThreadTicks> threads, long postgresTicks, long[] machine, long read) {
        }

        /** A live thread's CPU so far, in clock ticks, and its group. */
        record ThreadTicks(String group, long ticks) {
        }

        record Delta(double seconds, double readSeconds, double connectionHeldSeconds, double connectionWaitSeconds,
                     double commitSeconds, long commits, Map<String, long[]> statements, double jvmCpuSeconds,
                     Map<String, Double> jvmThreads, double postgresCpuSeconds, double machineBusy) {
        }

        Snapshot snapshot() {
            return new Snapshot(System.nanoTime(), jvmCpuNanos(), threadTicks(), postgresTicks(), machineTicks(), connector.busyNanos.sum());
        }

        Delta since(Snapshot start) {
            Snapshot end = snapshot();
            Map<String, long[]> statements = new TreeMap<>();
            db.byKind.forEach((kind, adders) -> statements.put(kind, new long[] {adders[0].sum(), adders[1].sum()}));
            double jvm = (end.jvmCpu() - start.jvmCpu()) / 1e9;
            // Threads alive at the end, by group; what is left of the JVM's CPU was used by threads
            // that ended meanwhile: the backfill's readers (each run's pool ends with it).
            Map<String, Double> groups = new LinkedHashMap<>();
            for (String group : List.of("fake Stripe (Jetty)", "JIT compilers", "GC", "other live threads")) {
                groups.put(group, 0.0);
            }
            double live = 0;
            for (Map.Entry<Long, ThreadTicks> thread : end.threads().entrySet()) {
                ThreadTicks before = start.threads().get(thread.getKey());
                double seconds = (thread.getValue().ticks() - (before == null ? 0 : before.ticks())) / 100.0;
                groups.merge(thread.getValue().group(), seconds, Double::sum);
                live += seconds;
            }
            groups.put("readers and other threads that ended (by difference)", Math.max(0, jvm - live));
            return new Delta((end.nanos() - start.nanos()) / 1e9, (end.read() - start.read()) / 1e9, db.heldNanos.sum() / 1e9,
                    db.connectionNanos.sum() / 1e9, db.commitNanos.sum() / 1e9, db.commits.sum(), statements, jvm, groups,
                    (end.postgresTicks() - start.postgresTicks()) / 100.0, busy(start.machine(), end.machine()));
        }

        @Override
        public void close() {
            connector.stopTimeline();
        }

        private long jvmCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /**
         * The CPU of this JVM's live threads (the JIT's and the GC's included, which Java does not
         * list), from /proc/self/task, grouped by their names; empty where there is none.
         */
        private Map<Long, ThreadTicks> threadTicks() {
            Map<Long, ThreadTicks> threads = new java.util.HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                        String group = name.startsWith("qtp") ? "fake Stripe (Jetty)"
                                : name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "JIT compilers"
                                : name.startsWith("GC ") || name.startsWith("G1 ") ? "GC" : "other live threads";
                        threads.put(Long.parseLong(task.getFileName().toString()),
                                new ThreadTicks(group, Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
                    } catch (IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Map.of();
            }
            return threads;
        }

        /**
         * CPU time of the embedded PostgreSQL in clock ticks (1/100 s): the postmaster, the
         * children it reaped and its live children (the pool's backends), from /proc.
         */
        private long postgresTicks() {
            ProcessHandle postmaster = ProcessHandle.of(postmasterPid).orElse(null);
            if (postmaster == null) {
                return 0;
            }
            long ticks = processTicks(postmasterPid, true);
            for (ProcessHandle child : postmaster.children().toList()) {
                ticks += processTicks(child.pid(), false);
            }
            return ticks;
        }

        private long processTicks(long pid, boolean withReapedChildren) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                // After "(command) ", the state is field 3: utime, stime, cutime and cstime (14 to 17) are at 11 to 14.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
            } catch (IOException | RuntimeException e) {
                return 0; // the process ended meanwhile
            }
        }
    }

    /** Time in the database: statements by kind (from Jdbi); commits, holding and waiting for a connection (from the pool's wrapper). */
    private static final class DbTimes implements SqlLogger {
        final Map<String, LongAdder[]> byKind = new ConcurrentHashMap<>();
        final LongAdder commits = new LongAdder();
        final LongAdder commitNanos = new LongAdder();
        final LongAdder connectionNanos = new LongAdder();
        final LongAdder heldNanos = new LongAdder();

        void reset() {
            byKind.clear();
            commits.reset();
            commitNanos.reset();
            connectionNanos.reset();
            heldNanos.reset();
        }

        @Override
        public void logAfterExecution(StatementContext context) {
            String[] words = context.getRawSql().trim().split("\\s+");
            String kind = words[0].toUpperCase(Locale.ROOT);
            for (int i = 1; i < words.length; i++) {
                if (words[i].startsWith("dataset_") || words[i].startsWith("workspace") || words[i].startsWith("data_source")) {
                    kind += " " + words[i];
                    break;
                }
            }
            LongAdder[] adders = byKind.computeIfAbsent(kind, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
            adders[0].increment();
            adders[1].add(context.getElapsedTime(ChronoUnit.NANOS));
        }
    }

    /** The pool, timing how long a connection takes to get, is held, and each commit takes. */
    private static final class TimedDataSource implements DataSource {
        private final DataSource delegate;
        private final DbTimes times;

        TimedDataSource(DataSource delegate, DbTimes times) {
            this.delegate = delegate;
            this.times = times;
        }

        @Override
        public Connection getConnection() throws SQLException {
            long start = System.nanoTime();
            Connection connection = delegate.getConnection();
            long got = System.nanoTime();
            times.connectionNanos.add(got - start);
            return timed(connection, got);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return timed(delegate.getConnection(username, password), System.nanoTime());
        }

        private Connection timed(Connection connection, long got) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        long start = System.nanoTime();
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            if (method.getName().equals("commit")) {
                                times.commits.increment();
                                times.commitNanos.add(System.nanoTime() - start);
                            } else if (method.getName().equals("close")) {
                                times.heldNanos.add(System.nanoTime() - got);
                            }
                        }
                    });
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return delegate.isWrapperFor(iface);
        }
    }

    /**
     * The connector, timing its page reads (the limiter's wait, the request, the latency, retries
     * and parsing), and sampling how many are in flight.
     */
    private static final class TimedConnector implements Streams {
        private final Streams delegate;
        final LongAdder busyNanos = new LongAdder();
        private final AtomicInteger inFlight = new AtomicInteger();
        private Thread sampler;
        private StringBuffer timeline;

        TimedConnector(Streams delegate) {
            this.delegate = delegate;
        }

        /** Starts writing the pages in flight down every {@link #SAMPLE_MILLIS} ms. */
        void startTimeline() {
            StringBuffer samples = new StringBuffer();
            timeline = samples;
            sampler = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(SAMPLE_MILLIS);
                        samples.append(samples.length() == 0 ? "" : " ").append(inFlight.get());
                    }
                } catch (InterruptedException e) {
                    // done
                }
            }, "bench-timeline");
            sampler.setDaemon(true);
            sampler.start();
        }

        String stopTimeline() {
            if (sampler == null) {
                return "";
            }
            sampler.interrupt();
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sampler = null;
            return timeline.toString();
        }

        @Override
        public List<StreamDescriptor> descriptors() {
            return delegate.descriptors();
        }

        @Override
        public StreamPage read(ConnectorContext context, StreamReadRequest request) {
            long start = System.nanoTime();
            inFlight.incrementAndGet();
            try {
                return delegate.read(context, request);
            } finally {
                inFlight.decrementAndGet();
                busyNanos.add(System.nanoTime() - start);
            }
        }
    }
}
