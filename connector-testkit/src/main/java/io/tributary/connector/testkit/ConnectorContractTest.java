package io.tributary.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.connector.spi.Change;
import io.tributary.connector.spi.ChangePage;
import io.tributary.connector.spi.ChangeRequest;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ConnectorRegistry;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.InstalledConnector;
import io.tributary.connector.spi.ParameterValidator;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ResultField;
import io.tributary.connector.spi.SpiVersion;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every connector passes. Extend it in your connector's tests (add the
 * {@code connector-testkit} artifact with test scope), point it at a fake of your outside system
 * (WireMock works well), and implement the hooks:
 *
 * <pre>{@code
 * class AcmeConnectorContractTest extends ConnectorContractTest {
 *     protected String connectorTypeId() { return "acme"; }
 *     protected ConnectorContext contextWithValidCredentials() { ... fake server, good key ... }
 *     protected ConnectorContext contextWithRejectedCredentials() { ... fake server, revoked key ... }
 *     protected ConnectorContext contextWithUnavailableProvider() { ... a server that answers 503 ... }
 *     protected long providerRequestCount() { return fakeServer.getAllServeEvents().size(); }
 * }
 * }</pre>
 *
 * <p>What it proves, one test each: the connector is found by {@link java.util.ServiceLoader} and
 * built for this SPI; its descriptor is complete and consistent; invalid parameters (derived from
 * the schema, plus your {@link #connectorSpecificInvalidQueries()}) are refused before any
 * credential is read or request sent; valid credentials identify the account and report a
 * capability for every query type and stream; every query type returns the fields it declares;
 * rejected credentials, an unavailable provider and bad webhooks come out as the SPI's typed
 * errors; every stream reads pages that carry their primary key and cursor field (your fake must
 * hold at least one record of every stream, or that stream fails: an empty page proves nothing).
 *
 * <p>The test instance lives for the whole class ({@link TestInstance.Lifecycle#PER_CLASS}), so
 * you may start your fake server in a non-static {@code @BeforeAll}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConnectorContractTest {

    /** Credential field names that must be marked secret. */
    private static final Pattern SECRET_LOOKING = Pattern.compile(".*(key|secret|token|password|passphrase).*");

    private Connector connector;
    private String source;

    /**
     * The type id of the connector under test, as its descriptor declares it.
     *
     * @return the type id, such as {@code stripe}
     */
    protected abstract String connectorTypeId();

    /**
     * A context whose credentials the outside system (or your fake of it) accepts.
     *
     * @return a context; a new one per call is fine
     */
    protected abstract ConnectorContext contextWithValidCredentials();

    /**
     * A context whose credentials the outside system refuses (unknown, revoked).
     *
     * @return a context
     */
    protected abstract ConnectorContext contextWithRejectedCredentials();

    /**
     * A context whose outside system is unavailable: answers 503, or refuses connections.
     *
     * @return a context
     */
    protected abstract ConnectorContext contextWithUnavailableProvider();

    /**
     * How many requests your fake outside system has received so far; the kit compares it before
     * and after operations that must not touch the network.
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
     * Invalid parameters that only the connector's own {@link Connector#checkParameters} can
     * catch (an id's prefix, a combination of fields).
     *
     * @return the cases; by default none
     */
    protected List<InvalidQuery> connectorSpecificInvalidQueries() {
        return List.of();
    }

    /**
     * A correctly signed webhook delivery, for connectors that accept webhooks. The kit derives
     * tampered copies from it.
     *
     * @return the delivery; required when the descriptor says it accepts webhooks
     */
    protected Optional<WebhookRequest> signedWebhook() {
        return Optional.empty();
    }

    /**
     * The connector under test, as {@link ConnectorRegistry} loaded it.
     *
     * @return the connector
     */
    protected final Connector connector() {
        return connector;
    }

    @BeforeAll
    final void loadConnectorThroughServiceLoader() {
        ConnectorRegistry registry = ConnectorRegistry.load(Thread.currentThread().getContextClassLoader());
        InstalledConnector installed = registry.find(connectorTypeId()).orElseThrow(() -> new AssertionError(
                "No connector with type id '" + connectorTypeId() + "' was found by ServiceLoader. Found: "
                        + registry.installed().stream().map(InstalledConnector::typeId).toList()
                        + ". List your class in META-INF/services/" + Connector.class.getName()));
        connector = installed.connector();
        source = installed.source();
    }

    @Test
    void isFoundByServiceLoaderAndBuiltForThisSpi() {
        assertThat(source).as("where the connector was loaded from").isNotBlank();
        assertThat(connector.spiVersion())
                .as("the SPI version %s reports; return SpiVersion.CURRENT", connector.getClass().getName())
                .matches(SpiVersion::isCompatible, "compatible with SPI " + SpiVersion.CURRENT);
    }

    @Test
    void descriptorIsCompleteAndConsistent() {
        ConnectorDescriptor descriptor = connector.descriptor();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(descriptor.typeId()).as("typeId").isEqualTo(connectorTypeId());
        softly.assertThat(connector.descriptor()).as("descriptor() returns the same description every time").isEqualTo(descriptor);
        for (CredentialField field : descriptor.credentialFields()) {
            if (SECRET_LOOKING.matcher(field.name().toLowerCase(Locale.ROOT)).matches()) {
                softly.assertThat(field.secret()).as("credential field '%s' looks secret and must be marked secret", field.name()).isTrue();
            }
        }
        for (QueryType queryType : descriptor.queryTypes()) {
            for (String problem : untypedFields(queryType.resultFields(), queryType.id() + ": ")) {
                softly.fail(problem);
            }
            softly.assertThat(ParameterValidator.problems(queryType, sampleParameters(queryType)))
                    .as("problems with sampleParameters(%s)", queryType.id()).isEmpty();
        }
        softly.assertThat(descriptor.acceptsWebhooks() == signedWebhook().isPresent())
                .as(descriptor.acceptsWebhooks()
                        ? "the connector accepts webhooks: override signedWebhook() with a signed sample delivery"
                        : "signedWebhook() is given but the descriptor does not accept webhooks")
                .isTrue();
        softly.assertAll();
    }

    @TestFactory
    Stream<DynamicTest> invalidParametersAreRefusedBeforeAnyNetworkCall() {
        List<DynamicTest> tests = new ArrayList<>();
        for (QueryType queryType : connector.descriptor().queryTypes()) {
            for (InvalidParameterCases.Case invalid : InvalidParameterCases.derive(queryType, sampleParameters(queryType))) {
                tests.add(DynamicTest.dynamicTest(queryType.id() + ": " + invalid.name(), () -> assertRefusedOffline(invalid.query())));
            }
        }
        for (InvalidQuery invalid : connectorSpecificInvalidQueries()) {
            tests.add(DynamicTest.dynamicTest(invalid.queryTypeId() + ": " + invalid.parameters() + " (connector check)",
                    () -> assertRefusedOffline(invalid)));
        }
        return tests.stream();
    }

    @Test
    void validCredentialsIdentifyTheAccountAndReportEveryCapability() {
        CredentialCheck check = connector.validateCredentials(contextWithValidCredentials());

        assertThat(check.account().accountId()).as("account id").isNotBlank();
        Set<String> expected = new HashSet<>();
        connector.descriptor().queryTypes().forEach(type -> expected.add(CapabilityStatus.Kind.QUERY_TYPE + ":" + type.id()));
        connector.descriptor().streams().forEach(stream -> expected.add(CapabilityStatus.Kind.STREAM + ":" + stream.name()));
        List<String> reported = check.capabilities().stream().map(status -> status.kind() + ":" + status.id()).toList();
        assertThat(reported).as("one capability per query type and stream").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @TestFactory
    Stream<DynamicTest> everyQueryTypeReturnsTheFieldsItDeclares() {
        return connector.descriptor().queryTypes().stream().map(queryType -> DynamicTest.dynamicTest(queryType.id(), () -> {
            QueryRequest request = ParameterValidator.prepare(connector, queryType.id(), sampleParameters(queryType));
            QueryResult result = connector.runQuery(contextWithValidCredentials(), request);
            assertThat(ResultConformance.violations(queryType.resultFields(), result.data()))
                    .as("how the result of %s differs from its declared result fields", queryType.id()).isEmpty();
        }));
    }

    @Test
    void rejectedCredentialsAreATypedFailure() {
        assertFailsWithKind(() -> connector.validateCredentials(contextWithRejectedCredentials()),
                "validateCredentials", ErrorKind.CREDENTIALS_REJECTED);
        for (QueryType queryType : connector.descriptor().queryTypes()) {
            QueryRequest request = ParameterValidator.prepare(connector, queryType.id(), sampleParameters(queryType));
            assertFailsWithKind(() -> connector.runQuery(contextWithRejectedCredentials(), request),
                    queryType.id(), ErrorKind.CREDENTIALS_REJECTED);
        }
    }

    @Test
    void anUnavailableProviderIsARetryableTypedFailure() {
        assertRetryable(() -> connector.validateCredentials(contextWithUnavailableProvider()), "validateCredentials");
        for (QueryType queryType : connector.descriptor().queryTypes()) {
            QueryRequest request = ParameterValidator.prepare(connector, queryType.id(), sampleParameters(queryType));
            assertRetryable(() -> connector.runQuery(contextWithUnavailableProvider(), request), queryType.id());
        }
    }

    @Test
    void webhooksAreVerifiedAndNameOnlyDeclaredQueryTypesAndStreams() {
        ConnectorDescriptor descriptor = connector.descriptor();
        if (!descriptor.acceptsWebhooks()) {
            WebhookRequest any = new WebhookRequest(new byte[] {'{', '}'}, java.util.Map.of(), List.of("secret"));
            assertFailsWithKind(() -> connector.parseWebhook(contextWithValidCredentials(), any),
                    "parseWebhook on a connector without webhooks", ErrorKind.UNSUPPORTED);
            return;
        }
        WebhookRequest signed = signedWebhook().orElseThrow(() -> new AssertionError("override signedWebhook()"));
        long requestsBefore = providerRequestCount();
        // The host verifies a delivery before it opens any credential: the signing secrets come in the request.
        CountingContext context = new CountingContext(contextWithValidCredentials());

        List<WebhookEvent> events = connector.parseWebhook(context, signed);
        assertThat(events).as("events of the signed sample delivery").isNotEmpty();
        Set<String> queryTypes = descriptor.queryTypes().stream().map(QueryType::id).collect(Collectors.toSet());
        Set<String> streams = descriptor.streams().stream().map(StreamDescriptor::name).collect(Collectors.toSet());
        for (WebhookEvent event : events) {
            assertThat(queryTypes).as("query types declared by the connector").containsAll(event.staleQueryTypes());
            assertThat(streams).as("streams declared by the connector").containsAll(event.staleStreams());
        }

        byte[] tamperedBody = signed.body();
        tamperedBody[tamperedBody.length / 2] ^= 0x01;
        WebhookRequest tampered = new WebhookRequest(tamperedBody, signed.headers(), signed.signingSecrets());
        assertFailsWithKind(() -> connector.parseWebhook(context, tampered),
                "a delivery whose body was changed after signing", ErrorKind.WEBHOOK_REJECTED);
        WebhookRequest wrongSecret = new WebhookRequest(signed.body(), signed.headers(), List.of("not-the-signing-secret"));
        assertFailsWithKind(() -> connector.parseWebhook(context, wrongSecret),
                "a delivery checked against the wrong secret", ErrorKind.WEBHOOK_REJECTED);
        WebhookRequest unsigned = new WebhookRequest(signed.body(), java.util.Map.of(), signed.signingSecrets());
        assertFailsWithKind(() -> connector.parseWebhook(context, unsigned),
                "a delivery without signature headers", ErrorKind.WEBHOOK_REJECTED);
        assertThat(providerRequestCount()).as("requests sent while verifying webhooks").isEqualTo(requestsBefore);
        assertThat(context.credentialReads()).as("credentials read while verifying webhooks (the host does not open them for "
                + "a delivery: the signing secrets come with the request)").isZero();
    }

    @TestFactory
    Stream<DynamicTest> everyStreamReadsPagesCarryingItsKeys() {
        return connector.descriptor().streams().stream().map(stream -> DynamicTest.dynamicTest(stream.name(), () -> {
            StreamPage first = connector.readStream(contextWithValidCredentials(), new StreamReadRequest(stream.name(), null, null, 2));
            assertThat(first.records().size()).as("records in a page of at most 2").isLessThanOrEqualTo(2);
            Set<String> ids = new HashSet<>();
            assertKeys(stream, first, ids);
            if (first.hasMore()) {
                StreamPage second = connector.readStream(contextWithValidCredentials(),
                        new StreamReadRequest(stream.name(), first.nextCursor(), null, 2));
                assertKeys(stream, second, ids);
            }
            // Keys are only checked on records that exist: an empty stream would pass the checks above vacuously.
            if (ids.isEmpty()) {
                fail("stream '%s' read no records, so its primary key '%s' and cursor field '%s' could not be checked: "
                        + "give your fake at least one record of '%s'", stream.name(), stream.primaryKey(), stream.cursorField(), stream.name());
            }
        }));
    }

    @Test
    void anUnknownStreamIsATypedFailure() {
        assertFailsWithKind(() -> connector.readStream(contextWithValidCredentials(),
                        new StreamReadRequest("no_such_stream_here", null, null, 10)),
                "readStream of an unknown stream",
                connector.descriptor().streams().isEmpty() ? ErrorKind.UNSUPPORTED : ErrorKind.INVALID_PARAMETERS);
    }

    @Test
    void aChangeFeedIsEitherWholeOrAbsent() {
        Set<String> streams = new HashSet<>();
        connector.descriptor().streams().stream().filter(StreamDescriptor::incremental).forEach(stream -> streams.add(stream.name()));
        String cursor;
        try {
            cursor = connector.changeFeedStart(contextWithValidCredentials());
        } catch (ConnectorException e) {
            assertThat(e.kind()).as("changeFeedStart failed (%s): a connector without a change feed says UNSUPPORTED", e.getMessage())
                    .isEqualTo(ErrorKind.UNSUPPORTED);
            assertFailsWithKind(() -> connector.readChanges(contextWithValidCredentials(), new ChangeRequest("any", streams, 10)),
                    "readChanges of a connector without a change feed", ErrorKind.UNSUPPORTED);
            return;
        }
        assertThat(cursor).as("the change feed's start").isNotBlank();
        ChangePage page = connector.readChanges(contextWithValidCredentials(), new ChangeRequest(cursor, streams, 10));
        assertThat(page.cursorExpired()).as("a cursor just taken is not expired").isFalse();
        assertThat(page.nextCursor()).as("the next cursor").isNotBlank();
        for (Change change : page.changes()) {
            assertThat(streams).as("changes name only the streams asked for").contains(change.stream());
        }
        long requestsBefore = providerRequestCount();
        CountingContext context = new CountingContext(contextWithValidCredentials());
        assertFailsWithKind(() -> connector.readChanges(context, new ChangeRequest("not a cursor \u0000 of this feed", streams, 10)),
                "readChanges with a malformed cursor", ErrorKind.INVALID_PARAMETERS);
        assertThat(context.credentialReads()).as("credentials read for a malformed cursor").isZero();
        assertThat(providerRequestCount()).as("requests sent for a malformed cursor").isEqualTo(requestsBefore);
    }

    private void assertRefusedOffline(InvalidQuery invalid) {
        long requestsBefore = providerRequestCount();
        CountingContext context = new CountingContext(contextWithValidCredentials());
        Throwable thrown = catchThrowable(() -> {
            QueryRequest request = ParameterValidator.prepare(connector, invalid.queryTypeId(), invalid.parameters());
            connector.runQuery(context, request);
        });
        assertThat(thrown).as("running %s with %s", invalid.queryTypeId(), invalid.parameters())
                .isInstanceOf(ConnectorException.class);
        ConnectorException failure = (ConnectorException) thrown;
        assertThat(failure.kind()).as("kind of failure (%s)", failure.getMessage()).isEqualTo(ErrorKind.INVALID_PARAMETERS);
        assertThat(failure.field()).as("the field the failure names").contains(invalid.field());
        assertThat(context.credentialReads()).as("credentials read for invalid parameters").isZero();
        assertThat(providerRequestCount()).as("requests sent for invalid parameters").isEqualTo(requestsBefore);
    }

    private static void assertFailsWithKind(Runnable operation, String what, ErrorKind kind) {
        assertThatThrownBy(operation::run).as(what)
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.kind()).as("kind of failure for %s (%s)", what, e.getMessage()).isEqualTo(kind));
    }

    private static void assertRetryable(Runnable operation, String what) {
        assertThatThrownBy(operation::run).as(what)
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.kind().retryable()).as("%s failed with %s, which should be retryable", what, e.kind()).isTrue());
    }

    private static void assertKeys(StreamDescriptor stream, StreamPage page, Set<String> seenIds) {
        for (JsonNode record : page.records()) {
            JsonNode id = record.get(stream.primaryKey());
            if (id == null || id.isNull()) {
                fail("a record of %s lacks its primary key '%s': %s", stream.name(), stream.primaryKey(), record);
            }
            assertThat(record.has(stream.cursorField())).as("record of %s has its cursor field '%s'", stream.name(), stream.cursorField()).isTrue();
            assertThat(seenIds.add(id.asText())).as("record %s of %s appears on one page only", id, stream.name()).isTrue();
        }
    }

    private static List<String> untypedFields(List<ResultField> fields, String prefix) {
        List<String> problems = new ArrayList<>();
        for (ResultField field : fields) {
            if (field.type() == FieldType.ANY) {
                problems.add(prefix + field.name() + " has type ANY; declare its type (OBJECT or ARRAY without fields for free-form values)");
            }
            problems.addAll(untypedFields(field.fields(), prefix + field.name() + "."));
        }
        return problems;
    }
}
