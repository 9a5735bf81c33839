package io.tributary.connector.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.ConnectorLoadException;
import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.SpiVersion;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.spi.WebhookRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every connector passes. Extend it in your connector's tests (add the
 * {@code connector-testkit} artifact with test scope), point it at a fake of your outside system,
 * and implement the hooks:
 *
 * <pre>{@code
 * class AcmeConnectorContractTest extends ConnectorContractTest {
 *     protected ConnectorFactory factory() { return new AcmeConnectorFactory(); }
 *     protected Map<String, ?> settings() { return Map.of("api_base", fake.baseUrl()); }
 *     protected Set<Capability> expectedCapabilities() { return EnumSet.of(Capability.STREAMS); }
 *     protected ConnectorContext contextWithValidCredentials() { ... a key the fake accepts ... }
 *     protected ConnectorContext contextWithRejectedCredentials() { ... a key it answers 401 for ... }
 *     protected ConnectorContext contextWithUnavailableProvider() { ... a key it answers 503 for ... }
 *     protected Optional<ConnectorContext> contextWithMissingPermission() { ... a key it answers 403 for ... }
 *     protected long providerRequestCount() { return fake.requestCount(); }
 * }
 * }</pre>
 *
 * <p>The kit installs your factory through the host's {@code ConnectorInstaller} exactly as the
 * server does (SPI version, settings validated against your schema, facets checked), once, when
 * the first test needs it, and closes the connector once, after the last test. Every failure names
 * the case that failed and says what to change; dynamic tests are named by their case (a query
 * type id, a stream, a parameter case).
 *
 * <p>What it proves: the factory is listed for {@link java.util.ServiceLoader} and built for this
 * SPI; the descriptor is complete and consistent; the capabilities you claim are exactly the facets
 * returned; settings are validated by the host; the connector is created without I/O and closes
 * twice without throwing; invalid parameters are refused before any credential is read or request
 * sent; valid credentials identify the account and report a capability for every query type and
 * stream; every query returns the fields it declares; rejected credentials, an unavailable provider
 * and a missing permission (403) come out as the SPI's typed errors; webhooks are verified with no
 * credentials and no requests, and a tampered, wrongly signed, unsigned or stale delivery is
 * rejected; every stream's records carry their primary key and their creation time in the declared
 * format, and creation windows are honoured; a change feed is whole.
 *
 * <p>The test instance lives for the whole class ({@link TestInstance.Lifecycle#PER_CLASS}), so you
 * may start your fake in a non-static {@code @BeforeAll}: the connector is installed after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConnectorContractTest {

    private final ConnectorUnderTest underTest = new ConnectorUnderTest(this::factory, this::settings);

    // ---------------------------------------------------------------- hooks

    /**
     * The factory under test, as {@code META-INF/services} lists it. Called once.
     *
     * @return a new factory, such as {@code new AcmeConnectorFactory()}
     */
    protected abstract ConnectorFactory factory();

    /**
     * The settings an operator would configure under {@code connectors.<type id>}, as the server's
     * configuration gives them (strings, numbers, booleans): typically where your fake listens.
     * Called when the connector is installed, after your {@code @BeforeAll}.
     *
     * @return the settings; by default none, so the schema's defaults apply
     */
    protected Map<String, ?> settings() {
        return Map.of();
    }

    /**
     * The capabilities the connector has. The kit checks the claim both ways against the facets it
     * returns: a capability claimed but absent fails, and so does one present but not claimed.
     *
     * @return the capabilities, such as {@code EnumSet.of(Capability.WEBHOOKS, Capability.STREAMS)}
     */
    protected abstract Set<Capability> expectedCapabilities();

    /**
     * A context whose credentials the outside system (or your fake of it) accepts.
     *
     * @return a context; a new one per call is fine
     */
    protected abstract ConnectorContext contextWithValidCredentials();

    /**
     * A context whose credentials the outside system refuses (unknown, revoked: HTTP 401). Every
     * operation with it must fail as {@link ErrorKind#CREDENTIALS_REJECTED}.
     *
     * @return a context
     */
    protected abstract ConnectorContext contextWithRejectedCredentials();

    /**
     * A context whose outside system is unavailable: it answers 503, or refuses connections. Every
     * operation with it must fail with a retryable kind. A push-only connector (every stream pushed,
     * every query answered from them: it calls no outside system) need not override it.
     *
     * @return a context
     */
    protected ConnectorContext contextWithUnavailableProvider() {
        throw new HookNotOverridden("contextWithUnavailableProvider()");
    }

    /**
     * A context whose credentials are valid but lack a permission: the outside system answers every
     * request with HTTP 403. Every query and stream read with it must fail as
     * {@link ErrorKind#PERMISSION_MISSING}, naming the permission to grant. Not overriding it fails
     * the 403 cases; return {@code Optional.empty()} to say the outside system has no permissions to
     * lack.
     *
     * @return the context, or empty to opt out explicitly
     */
    protected Optional<ConnectorContext> contextWithMissingPermission() {
        throw new HookNotOverridden("contextWithMissingPermission()");
    }

    /**
     * How many requests your fake outside system has received so far; the kit compares it before and
     * after operations that must not touch the network.
     *
     * @return the count
     */
    protected abstract long providerRequestCount();

    /**
     * Valid parameters for a query type, used to run it and as the base of derived invalid cases.
     *
     * @param queryType one of the connector's query types
     * @return the parameters object; by default empty, so defaults apply
     */
    protected ObjectNode sampleParameters(QueryType queryType) {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Invalid parameters that only the connector's own {@link Connector#checkParameters} can catch
     * (an id's prefix, a combination of fields).
     *
     * @return the cases; by default none
     */
    protected List<InvalidQuery> connectorSpecificInvalidQueries() {
        return List.of();
    }

    /**
     * A delivery signed as the outside system signs one, at {@link #webhookClock()}'s time, with the
     * signing secret in {@link WebhookRequest#signingSecrets()}. The kit derives tampered copies from
     * it. Required when the connector has {@link Capability#WEBHOOKS}.
     *
     * @return the delivery; by default none
     */
    protected Optional<WebhookRequest> signedWebhook() {
        return Optional.empty();
    }

    /**
     * A delivery signed correctly but at a time outside the connector's timestamp tolerance, judged by
     * {@link #webhookClock()}: it must be rejected as {@link ErrorKind#WEBHOOK_REJECTED}. Must be
     * overridden when the connector has {@link Capability#WEBHOOKS}; return {@code Optional.empty()}
     * to say the outside system's deliveries carry no timestamp.
     *
     * @return the stale delivery, or empty to opt out explicitly
     */
    protected Optional<WebhookRequest> staleSignedWebhook() {
        throw new HookNotOverridden("staleSignedWebhook()");
    }

    /**
     * The clock a webhook verification gets (the host's): the kit hands {@code Webhooks.verify} a
     * {@link io.tributary.connector.spi.WebhookContext} with this clock and nothing else.
     *
     * @return by default the clock of {@link #contextWithValidCredentials()}
     */
    protected Clock webhookClock() {
        return contextWithValidCredentials().clock();
    }

    /**
     * A creation window your fake holds records of, for a stream that honours windows
     * ({@link StreamDescriptor#createdFilter()}); every record read in it must have been created in
     * it. By default the kit derives one from the records it reads: from the second-oldest creation
     * time to just after the newest, so the oldest record lies outside.
     *
     * @param stream a stream with {@code createdFilter()}
     * @return the window, or empty to let the kit derive one
     */
    protected Optional<CreatedWindow> windowWithRecords(StreamDescriptor stream) {
        return Optional.empty();
    }

    /**
     * The connector under test, as the host installed it.
     *
     * @return the installed connector, with its descriptor and facets
     */
    protected final InstalledConnector installed() {
        return underTest.get();
    }

    /**
     * The connector under test.
     *
     * @return the connector
     */
    protected final Connector connector() {
        return installed().connector();
    }

    @AfterAll
    final void closeConnectorUnderTest() {
        underTest.close();
    }

    // ---------------------------------------------------------------- installation and description

    @Test
    @DisplayName("factory: listed for ServiceLoader and built for this SPI")
    void factoryIsListedForServiceLoaderAndBuiltForThisSpi() {
        String caseName = "factory: listed for ServiceLoader and built for this SPI";
        ConnectorFactory factory = underTest.factory();
        String name = factory.getClass().getName();
        List<ConnectorFactory> listed = ConnectorRegistry.discover(Thread.currentThread().getContextClassLoader());
        Verdicts.check(listed.stream().anyMatch(found -> found.getClass().equals(factory.getClass())), caseName,
                name + " is not listed in META-INF/services/" + ConnectorFactory.class.getName(),
                "add a line '" + name + "' to that file, so the server finds the connector");
        Verdicts.check(SpiVersion.isCompatible(factory.spiVersion()), caseName, name + " reports SPI " + factory.spiVersion(),
                "return SpiVersion.CURRENT from spiVersion() and build against this SPI");
        Verdicts.check(installed().source() != null, caseName, "the host recorded no source", "load the factory from a jar or directory");
    }

    @Test
    @DisplayName("descriptor: complete and consistent")
    void descriptorIsCompleteAndConsistent() {
        Verdicts.assertNone("descriptor: complete and consistent",
                DescriptorChecks.problems(installed(), underTest.factory().descriptor(), this::sampleParameters));
    }

    @TestFactory
    @DisplayName("capabilities: claimed and present alike")
    Stream<DynamicTest> capabilitiesAreTheOnesClaimed() {
        Set<Capability> claimed = expectedCapabilities();
        return Arrays.stream(Capability.values()).map(capability -> DynamicTest.dynamicTest("capability " + capability, () -> {
            Set<Capability> present = Capability.of(installed());
            String caseName = "capability " + capability;
            Verdicts.check(!claimed.contains(capability) || present.contains(capability), caseName,
                    "expectedCapabilities() claims it, but " + capability.facetMethod() + " returned nothing",
                    "return its facet from " + capability.facetMethod() + ", or take " + capability + " out of expectedCapabilities()");
            Verdicts.check(claimed.contains(capability) || !present.contains(capability), caseName,
                    capability.facetMethod() + " returned a facet that expectedCapabilities() does not claim",
                    "add " + capability + " to expectedCapabilities(), or return Optional.empty() from " + capability.facetMethod());
        }));
    }

    @TestFactory
    @DisplayName("settings: validated by the host")
    Stream<DynamicTest> settingsAreValidatedByTheHost() {
        return new SettingsCases(underTest.factory(), settings()).tests().stream();
    }

    @Test
    @DisplayName("lifecycle: created without I/O, closed twice without throwing")
    void createdWithoutIoAndClosedTwiceWithoutThrowing() {
        String caseName = "lifecycle: created without I/O, closed twice without throwing";
        installed();
        long requestsBefore = providerRequestCount();
        InstalledConnector second;
        try {
            second = ConnectorUnderTest.install(underTest.factory(), settings());
        } catch (ConnectorLoadException e) {
            throw Verdicts.failure(caseName, "a second instance could not be installed: " + e.getMessage(),
                    "let create() make independent instances; the server creates one per process, tests and tools more");
        }
        long sent = providerRequestCount() - requestsBefore;
        Verdicts.check(sent == 0, caseName, "creating the connector sent " + sent + " request(s) to the outside system",
                "do no I/O in descriptor(), settings() or create(): the host calls them at start-up for every plugin; connect on first use");
        for (int call = 1; call <= 2; call++) {
            try {
                second.connector().close();
            } catch (RuntimeException e) {
                AssertionError error = Verdicts.failure(caseName, "close() threw on call " + call + ": " + e,
                        "release what the connector holds without throwing, and make a second close() do nothing");
                error.initCause(e);
                throw error;
            }
        }
    }

    // ---------------------------------------------------------------- queries and credentials

    @TestFactory
    @DisplayName("parameters: invalid ones refused before any network call")
    Stream<DynamicTest> invalidParametersAreRefusedBeforeAnyNetworkCall() {
        List<DynamicTest> tests = new ArrayList<>();
        for (QueryType queryType : installed().descriptor().queryTypes()) {
            for (InvalidParameterCases.Case invalid : InvalidParameterCases.derive(queryType, sampleParameters(queryType))) {
                String caseName = queryType.id() + ": " + invalid.name();
                tests.add(DynamicTest.dynamicTest(caseName, () -> assertRefusedOffline(caseName, invalid.query())));
            }
        }
        for (InvalidQuery invalid : connectorSpecificInvalidQueries()) {
            String caseName = invalid.queryTypeId() + ": " + invalid.parameters() + " (connector check)";
            tests.add(DynamicTest.dynamicTest(caseName, () -> assertRefusedOffline(caseName, invalid)));
        }
        return tests.stream();
    }

    @Test
    @DisplayName("credentials: valid ones identify the account and report every capability")
    void validCredentialsIdentifyTheAccountAndReportEveryCapability() {
        String caseName = "credentials: valid ones identify the account and report every capability";
        CredentialCheck check;
        try {
            check = connector().validateCredentials(contextWithValidCredentials());
        } catch (ConnectorException e) {
            throw Verdicts.failure(caseName, "validateCredentials failed: " + e.errorCode().code() + " (" + e.getMessage() + ")",
                    "accept contextWithValidCredentials(), or fix the fake so it accepts them");
        }
        Set<String> expected = new HashSet<>();
        installed().descriptor().queryTypes().forEach(type -> expected.add(CapabilityStatus.Kind.QUERY_TYPE + " " + type.id()));
        sourceStreams().forEach(stream -> expected.add(CapabilityStatus.Kind.STREAM + " " + stream.name()));
        List<String> reported = check.capabilities().stream().map(status -> status.kind() + " " + status.id()).toList();
        Verdicts.check(reported.size() == new HashSet<>(reported).size() && expected.equals(new HashSet<>(reported)), caseName,
                "the capabilities reported are " + reported + ", not one for each of " + expected,
                "report exactly one CapabilityStatus per query type and per stream");
    }

    @TestFactory
    @DisplayName("queries: each returns the fields it declares")
    Stream<DynamicTest> everyQueryTypeReturnsTheFieldsItDeclares() {
        return installed().descriptor().queryTypes().stream().map(queryType -> {
            String caseName = queryType.id() + ": returns the fields it declares";
            return DynamicTest.dynamicTest(caseName, () -> {
                QueryResult result;
                try {
                    QueryRequest request = ParameterValidator.prepare(installed(), queryType.id(), sampleParameters(queryType));
                    result = PushedRecords.answeredFromPushedStreams(installed(), request)
                            ? answerFromPushedRecords(caseName, request)
                            : connector().runQuery(contextWithValidCredentials(), request);
                } catch (ConnectorException e) {
                    throw Verdicts.failure(caseName, "the query failed: " + e.errorCode().code() + " (" + e.getMessage() + ")",
                            "make it run with sampleParameters() against your fake");
                }
                Verdicts.assertNone(caseName, ResultConformance.violations(queryType.resultFields(), result.data(),
                        installed().descriptor().minorUnits()).stream()
                        .map(violation -> violation + ". To fix: return what the result fields declare, or declare what it returns").toList());
            });
        });
    }

    @TestFactory
    @DisplayName("rejected credentials: a typed failure")
    Stream<DynamicTest> rejectedCredentialsAreATypedFailure() {
        return operations(true).map(operation -> {
            String caseName = "rejected credentials: " + operation.name();
            return DynamicTest.dynamicTest(caseName, () -> Verdicts.failsWithKind(caseName,
                    () -> operation.call().accept(contextWithRejectedCredentials()), ErrorKind.CREDENTIALS_REJECTED,
                    "map the outside system's refusal of the credentials (HTTP 401) to ConnectorException.credentialsRejected(...)"));
        });
    }

    @TestFactory
    @DisplayName("unavailable provider: a retryable failure")
    Stream<DynamicTest> anUnavailableProviderIsARetryableTypedFailure() {
        if (pushOnly()) {
            return Stream.empty(); // it calls no outside system that could be unavailable
        }
        return operations(true).map(operation -> {
            String caseName = "unavailable provider: " + operation.name();
            return DynamicTest.dynamicTest(caseName, () -> {
                String fix = "map 5xx answers, timeouts and refused connections to ConnectorException.transientFailure(...)";
                ConnectorException e = Verdicts.failureOf(caseName, () -> {
                    ConnectorContext unavailable;
                    try {
                        unavailable = contextWithUnavailableProvider();
                    } catch (HookNotOverridden notOverridden) {
                        throw Verdicts.failure(caseName, notOverridden.hook() + " is not overridden", "override it to return a context "
                                + "whose outside system answers 503; only a push-only connector may leave it out");
                    }
                    operation.call().accept(unavailable);
                }, fix);
                Verdicts.check(e.kind().retryable(), caseName, "failed with " + e.kind() + " (" + e.getMessage() + "), which is not retried", fix);
            });
        });
    }

    @TestFactory
    @DisplayName("permission missing (403): a typed failure naming the permission")
    Stream<DynamicTest> aMissingPermissionIsATypedFailureNamingIt() {
        Optional<ConnectorContext> forbidden;
        try {
            forbidden = contextWithMissingPermission();
        } catch (HookNotOverridden e) {
            return Stream.of(DynamicTest.dynamicTest("permission missing (403): " + e.hook(), () -> {
                throw Verdicts.failure("permission missing (403)", e.hook() + " is not overridden",
                        "override it to return a context whose outside system answers 403, or Optional.empty() if it has no permissions");
            }));
        }
        if (forbidden.isEmpty()) {
            return Stream.empty();
        }
        return operations(false).map(operation -> {
            String caseName = "permission missing (403): " + operation.name();
            return DynamicTest.dynamicTest(caseName, () -> {
                String fix = "map HTTP 403 to ConnectorException.permissionMissing(permission, message), naming the permission to grant";
                ConnectorException e = Verdicts.failsWithKind(caseName, () -> operation.call().accept(forbidden.get()),
                        ErrorKind.PERMISSION_MISSING, fix);
                Verdicts.check(e.permission().isPresent(), caseName, "the failure names no permission to grant", fix);
            });
        });
    }

    /**
     * The streams a source with valid credentials has: those {@code Streams.discover} finds (by
     * default the declared ones), checked as the host relies on them.
     */
    private List<StreamDescriptor> sourceStreams() {
        String caseName = "streams: discovered for a source";
        Optional<Streams> streams = installed().streams();
        if (streams.isEmpty()) {
            return List.of();
        }
        List<StreamDescriptor> found;
        try {
            found = streams.get().discover(contextWithValidCredentials());
        } catch (ConnectorException e) {
            throw Verdicts.failure(caseName, "discover failed: " + e.errorCode().code() + " (" + e.getMessage() + ")",
                    "discover the streams of contextWithValidCredentials(), or fix the fake so it has some");
        }
        Verdicts.check(found != null && !found.isEmpty(), caseName, "no stream was found for contextWithValidCredentials()",
                "return at least one stream from discover (by default it returns descriptors()), or give the fake something to find");
        Set<String> names = new HashSet<>();
        for (StreamDescriptor stream : found) {
            Verdicts.check(names.add(stream.name()), caseName, "stream '" + stream.name() + "' is found twice", "name each stream once");
        }
        return found;
    }

    /** Every stream pushed and every query answered from them: the connector calls no outside system. */
    private boolean pushOnly() {
        return installed().webhooks().isPresent() && !installed().streamDescriptors().isEmpty()
                && installed().streamDescriptors().stream().allMatch(StreamDescriptor::pushed)
                && Operation.queriesAndStreams(installed(), this::sampleParameters).isEmpty();
    }

    private Stream<Operation> operations(boolean withCredentialCheck) {
        List<Operation> operations = new ArrayList<>();
        if (withCredentialCheck) {
            operations.add(Operation.validateCredentials(installed()));
        }
        operations.addAll(Operation.queriesAndStreams(installed(), this::sampleParameters));
        return operations.stream();
    }

    /**
     * A query the host answers from pushed streams alone, run as the host runs it: over the records
     * of {@link #signedWebhook()}'s events.
     */
    private QueryResult answerFromPushedRecords(String caseName, QueryRequest request) {
        WebhookRequest delivery = signedWebhook().orElseThrow(() -> Verdicts.failure(caseName, request.queryType().id()
                + " is answered from pushed streams, but signedWebhook() gives no delivery to push",
                "override signedWebhook() to return a delivery whose events carry records of the pushed streams"));
        PushedRecords records = new PushedRecords(installed())
                .keep(installed().webhooks().orElseThrow().verify(io.tributary.connector.spi.WebhookContext.of(webhookClock()), delivery));
        return installed().mirrorQueries().orElseThrow().run(contextWithValidCredentials(), request, records)
                .orElseThrow(() -> Verdicts.failure(caseName, "MirrorQueries.run gave no answer from the pushed records, and the host has "
                        + "no other way to answer it", "answer every query over pushed streams from the MirrorReader"));
    }

    // ---------------------------------------------------------------- capabilities

    @TestFactory
    @DisplayName("webhooks: verified without credentials or requests")
    Stream<DynamicTest> webhooksAreVerifiedWithoutCredentialsOrRequests() {
        if (installed().webhooks().isEmpty()) {
            return Stream.empty();
        }
        return new WebhookCases(installed(), webhookClock(), this::signedWebhook, this::staleSignedWebhook,
                this::providerRequestCount).tests().stream();
    }

    @TestFactory
    @DisplayName("streams: records carry their keys and windows are honoured")
    Stream<DynamicTest> everyStreamReadsRecordsAsDeclared() {
        Optional<Streams> streams = installed().streams();
        if (streams.isEmpty()) {
            return Stream.empty();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (StreamDescriptor stream : sourceStreams()) {
            if (stream.pushed()) {
                continue; // never read: its records are checked in the signed delivery's events
            }
            Optional<CreatedWindow> window = stream.createdFilter() ? windowWithRecords(stream) : Optional.empty();
            tests.addAll(new StreamCases(streams.get(), stream, this::contextWithValidCredentials, window).tests());
        }
        String unknown = "stream no_such_stream_here: refused as invalid";
        tests.add(DynamicTest.dynamicTest(unknown, () -> Verdicts.failsWithKind(unknown,
                () -> streams.get().read(contextWithValidCredentials(), new StreamReadRequest("no_such_stream_here", null, null, 10)),
                ErrorKind.INVALID_PARAMETERS, "refuse a stream the connector does not have with StandardErrorCode.UNKNOWN_STREAM")));
        return tests.stream();
    }

    @TestFactory
    @DisplayName("change feed: whole")
    Stream<DynamicTest> aChangeFeedIsWhole() {
        if (installed().changeFeed().isEmpty()) {
            return Stream.empty();
        }
        return new ChangeFeedCases(installed(), this::contextWithValidCredentials, this::providerRequestCount).tests().stream();
    }

    @TestFactory
    @DisplayName("mirror queries: name only declared streams")
    Stream<DynamicTest> mirrorQueriesNameOnlyDeclaredStreams() {
        Optional<MirrorQueries> mirror = installed().mirrorQueries();
        if (mirror.isEmpty()) {
            return Stream.empty();
        }
        Set<String> declared = new HashSet<>(installed().streamDescriptors().stream().map(StreamDescriptor::name).toList());
        Function<QueryType, QueryRequest> request = queryType -> new QueryRequest(queryType,
                ParameterValidator.validate(queryType, sampleParameters(queryType)));
        return installed().descriptor().queryTypes().stream().map(queryType -> {
            String caseName = "mirror queries: " + queryType.id() + " names only declared streams";
            return DynamicTest.dynamicTest(caseName, () -> {
                Set<String> needed;
                try {
                    needed = mirror.get().streamsFor(request.apply(queryType));
                } catch (RuntimeException e) {
                    throw Verdicts.failure(caseName, "streamsFor threw " + e, "answer with the streams needed, or none");
                }
                Verdicts.check(needed != null && declared.containsAll(needed), caseName, "streamsFor names " + needed
                        + ", beyond the declared " + declared, "name only streams of Streams.descriptors(), or none");
            });
        });
    }

    // ---------------------------------------------------------------- helpers

    private void assertRefusedOffline(String caseName, InvalidQuery invalid) {
        long requestsBefore = providerRequestCount();
        CountingContext context = new CountingContext(contextWithValidCredentials());
        String fix = "refuse it with ConnectorException.invalidParameter(\"" + invalid.field()
                + "\", reason) from the schema or checkParameters(), before reading credentials or calling out";
        ConnectorException failure = Verdicts.failsWithKind(caseName, () -> {
            QueryRequest request = ParameterValidator.prepare(installed(), invalid.queryTypeId(), invalid.parameters());
            connector().runQuery(context, request);
        }, ErrorKind.INVALID_PARAMETERS, fix);
        Verdicts.check(failure.field().equals(Optional.of(invalid.field())), caseName,
                "the failure names the field " + failure.field().orElse("(none)") + ", not '" + invalid.field() + "'", fix);
        Verdicts.check(context.credentialReads() == 0, caseName, "credentials were read for invalid parameters", fix);
        long sent = providerRequestCount() - requestsBefore;
        Verdicts.check(sent == 0, caseName, sent + " request(s) were sent for invalid parameters", fix);
    }
}
