package io.tributary.connector.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.WebhookContext;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.spi.Webhooks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;

/**
 * The webhook capability as the host uses it: a delivery is verified with nothing but a clock and
 * the signing secrets (so never with a source's credentials), without calling the outside system;
 * a good delivery names only declared query types and streams; a tampered, wrongly signed, unsigned
 * or stale one is rejected as {@link ErrorKind#WEBHOOK_REJECTED}.
 */
final class WebhookCases {

    private final InstalledConnector installed;
    private final Webhooks webhooks;
    private final WebhookContext context;
    private final Supplier<Optional<WebhookRequest>> signed;
    private final Supplier<Optional<WebhookRequest>> stale;
    private final LongSupplier providerRequests;

    WebhookCases(InstalledConnector installed, Clock clock, Supplier<Optional<WebhookRequest>> signed,
                 Supplier<Optional<WebhookRequest>> stale, LongSupplier providerRequests) {
        this.installed = installed;
        this.webhooks = installed.webhooks().orElseThrow();
        // Only a clock, never a ConnectorContext: verify must be able to do without credentials.
        this.context = WebhookContext.of(clock);
        this.signed = signed;
        this.stale = stale;
        this.providerRequests = providerRequests;
    }

    List<DynamicTest> tests() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("webhook: a signed delivery is accepted", this::signedDeliveryAccepted));
        tests.add(rejected("webhook: a body changed after signing is rejected", () -> {
            WebhookRequest delivery = signedDelivery("webhook: a body changed after signing is rejected");
            byte[] body = delivery.body();
            body[body.length / 2] ^= 0x01;
            return new WebhookRequest(body, delivery.headers(), delivery.signingSecrets());
        }));
        tests.add(rejected("webhook: a delivery checked against the wrong secret is rejected", () -> {
            WebhookRequest delivery = signedDelivery("webhook: a delivery checked against the wrong secret is rejected");
            return new WebhookRequest(delivery.body(), delivery.headers(), List.of("not-the-signing-secret"));
        }));
        tests.add(rejected("webhook: a delivery without signature headers is rejected", () -> {
            WebhookRequest delivery = signedDelivery("webhook: a delivery without signature headers is rejected");
            return new WebhookRequest(delivery.body(), Map.of(), delivery.signingSecrets());
        }));
        tests.add(DynamicTest.dynamicTest("webhook: a delivery signed too long ago is rejected", this::staleDeliveryRejected));
        return tests;
    }

    private WebhookRequest signedDelivery(String caseName) {
        return signed.get().orElseThrow(() -> Verdicts.failure(caseName, "the connector accepts webhooks but signedWebhook() gives no delivery",
                "override signedWebhook() to return a delivery signed as the outside system signs one, at the webhook clock's time"));
    }

    private void signedDeliveryAccepted() {
        String caseName = "webhook: a signed delivery is accepted";
        WebhookRequest delivery = signedDelivery(caseName);
        CredentialField secretField = webhooks.signingSecretField();
        for (String secret : delivery.signingSecrets()) {
            Verdicts.check(secretField.accepts(secret), caseName, "the sample's signing secret does not match the pattern of the signing "
                    + "secret field '" + secretField.name() + "' (" + secretField.pattern() + "), so no one could enter it",
                    "sign the sample with a secret of the form the outside system issues, or loosen the field's pattern");
        }
        long requestsBefore = providerRequests.getAsLong();
        List<WebhookEvent> events = verify(caseName, delivery);
        Verdicts.check(!events.isEmpty(), caseName, "verify returned no events for signedWebhook()",
                "parse the delivery's events, or sign a sample that carries one");
        Set<String> queryTypes = installed.descriptor().queryTypes().stream().map(QueryType::id).collect(Collectors.toSet());
        Set<String> streams = installed.streamDescriptors().stream().map(StreamDescriptor::name).collect(Collectors.toSet());
        for (WebhookEvent event : events) {
            Verdicts.check(queryTypes.containsAll(event.staleQueryTypes()), caseName, "event " + event.id() + " names query types "
                    + event.staleQueryTypes() + " beyond the declared " + queryTypes, "name only the connector's own query type ids");
            Verdicts.check(streams.containsAll(event.staleStreams()), caseName, "event " + event.id() + " names streams "
                    + event.staleStreams() + " beyond the declared " + streams, "name only the connector's own streams");
            for (String name : event.staleStreams()) {
                installed.stream(name).filter(StreamDescriptor::pushed)
                        .ifPresent(pushed -> checkPushedRecord(caseName, event, pushed));
            }
        }
        Verdicts.check(providerRequests.getAsLong() == requestsBefore, caseName, "verify sent requests to the outside system",
                "verify a delivery from its bytes, headers and signing secrets alone");
    }

    /** The host stores the event's object as the pushed stream's record: it must carry the key and the creation time. */
    private static void checkPushedRecord(String caseName, WebhookEvent event, StreamDescriptor stream) {
        String fix = "make the event's object the record to keep: a JSON object with the stream's primary key and its creation time";
        JsonNode record = event.object();
        Verdicts.check(record != null && record.isObject(), caseName, "event " + event.id() + " names the pushed stream "
                + stream.name() + " but carries no JSON object to store", fix);
        JsonNode key = record.get(stream.primaryKey());
        Verdicts.check(key != null && (key.isTextual() && !key.asText().isBlank() || key.isIntegralNumber()), caseName,
                "event " + event.id() + "'s record has no primary key '" + stream.primaryKey() + "'", fix);
        Verdicts.check(stream.createdAt(record).isPresent(), caseName, "event " + event.id() + "'s record has no creation time in '"
                + stream.cursorField().orElse("") + "' as " + stream.cursorFormat().map(Enum::name).orElse(""), fix);
    }

    private List<WebhookEvent> verify(String caseName, WebhookRequest delivery) {
        try {
            return webhooks.verify(context, delivery);
        } catch (ConnectorException e) {
            AssertionError error = Verdicts.failure(caseName, "verify refused it: " + e.errorCode().code() + " (" + e.getMessage() + ")",
                    "accept a delivery signed with one of WebhookRequest.signingSecrets() within the tolerance of the context's clock");
            error.initCause(e);
            throw error;
        } catch (ClassCastException e) {
            throw withoutCredentials(caseName, e);
        }
    }

    private static AssertionError withoutCredentials(String caseName, ClassCastException e) {
        AssertionError error = Verdicts.failure(caseName, "verify cast its context: " + e.getMessage(),
                "verify gets a WebhookContext, a clock and no credentials, by design: the host verifies a delivery before it opens "
                        + "any secret of the source; use WebhookRequest.signingSecrets() alone");
        error.initCause(e);
        return error;
    }

    private DynamicTest rejected(String caseName, Supplier<WebhookRequest> delivery) {
        return DynamicTest.dynamicTest(caseName, () -> {
            WebhookRequest bad = delivery.get();
            try {
                Verdicts.failsWithKind(caseName, () -> webhooks.verify(context, bad), ErrorKind.WEBHOOK_REJECTED,
                        "refuse it with a ConnectorException of kind WEBHOOK_REJECTED (such as StandardErrorCode.WEBHOOK_SIGNATURE_INVALID)");
            } catch (AssertionError e) {
                if (e.getCause() instanceof ClassCastException cast) {
                    throw withoutCredentials(caseName, cast);
                }
                throw e;
            }
        });
    }

    private void staleDeliveryRejected() {
        String caseName = "webhook: a delivery signed too long ago is rejected";
        Optional<WebhookRequest> delivery;
        try {
            delivery = stale.get();
        } catch (HookNotOverridden e) {
            throw Verdicts.failure(caseName, "the connector accepts webhooks but " + e.hook() + " is not overridden",
                    "override it to return a delivery signed correctly at a time outside the connector's timestamp tolerance "
                            + "(by the webhook clock), or return Optional.empty() if the outside system's deliveries carry no timestamp");
        }
        if (delivery.isEmpty()) {
            return; // the contract said the deliveries carry no timestamp
        }
        ConnectorException rejected = Verdicts.failsWithKind(caseName, () -> webhooks.verify(context, delivery.get()), ErrorKind.WEBHOOK_REJECTED,
                "compare the delivery's signed timestamp with WebhookContext.clock() and refuse it beyond the tolerance "
                        + "(StandardErrorCode.WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE)");
        Verdicts.check(!rejected.errorCode().equals(StandardErrorCode.WEBHOOK_SIGNATURE_INVALID.toErrorCode()), caseName,
                "the stale delivery was rejected for its signature, not its timestamp (" + rejected.getMessage() + ")",
                "sign staleSignedWebhook()'s delivery correctly, so only its timestamp is wrong");
    }
}
