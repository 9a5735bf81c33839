package com.example.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.testkit.Capability;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs the contract test against deliberately broken connectors and checks that it fails exactly
 * where each defect is, says what to change, and passes everything else: a kit that cannot fail
 * proves nothing.
 */
class ContractTestCatchesDefectsTest {

    /** The contract, pointed at one broken variant each. Not run directly: only through the engine below. */
    static final class Contracts {
        private Contracts() {
        }

        static class PlainToken extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.PlainToken();
            }
        }

        static class Eager extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.Eager();
            }
        }

        static class UntypedFailure extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.UntypedFailure();
            }
        }

        static class Overpromising extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.Overpromising();
            }
        }

        static class HalfFeed extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.HalfFeed();
            }

            @Override
            protected Set<Capability> expectedCapabilities() {
                return EnumSet.of(Capability.WEBHOOKS, Capability.STREAMS, Capability.CHANGE_FEED);
            }
        }

        static class EmptyStreams extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.EmptyStreams();
            }
        }

        static class CredentialHungryWebhooks extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.CredentialHungryWebhooks();
            }
        }

        static class IsoCursor extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.IsoCursorDeclaredAsUnixSeconds();
            }
        }

        static class WindowIgnored extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.WindowIgnored();
            }
        }

        static class StaleAccepted extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.StaleAccepted();
            }
        }

        static class ForbiddenAsProviderError extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.ForbiddenAsProviderError();
            }
        }

        static class WebhooksDropped extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.WebhooksDropped();
            }
        }

        static class CloseTwiceThrows extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new BrokenHelpdeskConnectors.CloseTwiceThrows();
            }
        }

        /** The sound connector, with a contract that forgets to claim its streams. */
        static class StreamsNotClaimed extends HelpdeskContract {
            @Override
            protected ConnectorFactory factory() {
                return new HelpdeskConnectorFactory();
            }

            @Override
            protected Set<Capability> expectedCapabilities() {
                return EnumSet.of(Capability.WEBHOOKS);
            }
        }

        /** The sound connector, with a contract that does not answer the hooks a connector with webhooks and permissions must. */
        static class HooksLeftOut extends HelpdeskFakeContract {
            @Override
            protected ConnectorFactory factory() {
                return new HelpdeskConnectorFactory();
            }
        }

        /** The sound connector, with a contract that opts out of the stale-delivery and 403 cases explicitly. */
        static class HooksOptedOut extends HelpdeskFakeContract {
            @Override
            protected ConnectorFactory factory() {
                return new HelpdeskConnectorFactory();
            }

            @Override
            protected Optional<WebhookRequest> staleSignedWebhook() {
                return Optional.empty();
            }

            @Override
            protected Optional<ConnectorContext> contextWithMissingPermission() {
                return Optional.empty();
            }
        }
    }

    private static Events run(Class<?> contract) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
        assertThat(tests.succeeded().count()).as("tests of %s that still pass", contract.getSimpleName()).isGreaterThan(30);
        return tests;
    }

    private static List<String> failedTests(Class<?> contract) {
        return names(run(contract).failed().list());
    }

    private static List<String> names(List<Event> events) {
        return events.stream().map(event -> event.getTestDescriptor().getDisplayName()).toList();
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
    }

    /** The one failure of a contract, whose message says what failed and what to change. */
    private static String onlyFailure(Class<?> contract, String displayName) {
        List<Event> failed = run(contract).failed().list();
        assertThat(names(failed)).containsExactly(displayName);
        String message = message(failed.get(0));
        assertThat(message).as("the failure names its case and what to change").startsWith(displayName.replaceFirst("^(capability \\w+).*", "$1"))
                .contains("To fix: ").doesNotContain("Expecting code to raise a throwable");
        return message;
    }

    @Test
    void theSoundConnectorPassesEveryCase() {
        Events tests = run(HelpdeskConnectorContractTest.class);
        assertThat(names(tests.failed().list())).isEmpty();
        assertThat(tests.aborted().count()).isZero();
        assertThat(names(tests.succeeded().list())).contains("stream tickets: a creation window is honoured",
                "webhook: a delivery signed too long ago is rejected", "permission missing (403): stream tickets",
                "capability WEBHOOKS", "settings: an unknown key is refused before the connector is created",
                "lifecycle: created without I/O, closed twice without throwing");
    }

    @Test
    void aSecretFieldNotMarkedSecretFailsTheDescriptorCheck() {
        assertThat(failedTests(Contracts.PlainToken.class)).containsExactly("descriptor: complete and consistent");
    }

    @Test
    void aParameterCheckSkippedUntilTheNetworkFailsTheOfflineRefusal() {
        assertThat(onlyFailure(Contracts.Eager.class,
                "helpdesk-eager.recent_tickets: {\"requester_email\":\"not-an-email\"} (connector check)"))
                .contains("returned normally instead of failing").contains("ConnectorException.invalidParameter(\"requester_email\"");
    }

    @Test
    void anUntypedFailureFailsTheTypedErrorChecks() {
        assertThat(failedTests(Contracts.UntypedFailure.class))
                .containsExactlyInAnyOrder("rejected credentials: validateCredentials", "unavailable provider: validateCredentials");
    }

    @Test
    void aDeclaredFieldNeverReturnedFailsTheResultCheck() {
        assertThat(onlyFailure(Contracts.Overpromising.class, "helpdesk-overpromising.open_tickets: returns the fields it declares"))
                .contains("average_age_seconds: missing");
    }

    @Test
    void aChangeFeedThatStartsButCannotBeReadFailsTheFeedChecks() {
        assertThat(failedTests(Contracts.HalfFeed.class)).containsExactlyInAnyOrder(
                "change feed: a cursor taken now reads", "change feed: a malformed cursor is refused offline");
    }

    /**
     * The records case fails with the cause; the window case, which then has no creation time to
     * build a window from, fails too (never skips: a skipped case checked nothing), pointing at it.
     */
    private static String recordsFailureWithWindowCase(Class<?> contract) {
        List<Event> failed = run(contract).failed().list();
        assertThat(names(failed)).containsExactly("stream tickets: records carry their key and creation time",
                "stream tickets: a creation window is honoured");
        assertThat(message(failed.get(1))).startsWith("stream tickets: a creation window is honoured")
                .contains("no creation time could be read").contains("To fix: fix the records case first");
        return message(failed.get(0));
    }

    @Test
    void streamsReadAsEmptyFailTheRecordsCheckNamingTheStream() {
        assertThat(recordsFailureWithWindowCase(Contracts.EmptyStreams.class))
                .contains("the stream read no records").contains("give your fake at least one record of 'tickets'");
    }

    @Test
    void reachingForCredentialsWhileVerifyingAWebhookFailsTheWebhookCheck() {
        assertThat(onlyFailure(Contracts.CredentialHungryWebhooks.class, "webhook: a signed delivery is accepted"))
                .contains("verify cast its context").contains("no credentials, by design");
    }

    @Test
    void anIsoCursorDeclaredAsUnixSecondsFailsTheRecordsCheckNamingRecordValueAndFormat() {
        assertThat(recordsFailureWithWindowCase(Contracts.IsoCursor.class))
                .contains("record t_3: its cursor field 'created_at' is \"2023-11-14T22:18:20Z\", which does not read as UNIX_SECONDS")
                .contains("StreamDescriptor.Builder.cursor(field, format)");
    }

    @Test
    void anIgnoredWindowFailsTheWindowCheckNamingTheRecordOutsideIt() {
        assertThat(onlyFailure(Contracts.WindowIgnored.class, "stream tickets: a creation window is honoured"))
                .contains("record t_1 was created at 2023-11-14T22:15:00Z")
                .contains("outside the window [2023-11-14T22:16:40Z, 2023-11-14T22:18:21Z)");
    }

    @Test
    void aStaleDeliveryAcceptedFailsTheTimestampCheck() {
        assertThat(onlyFailure(Contracts.StaleAccepted.class, "webhook: a delivery signed too long ago is rejected"))
                .contains("returned normally instead of failing").contains("WebhookContext.clock()");
    }

    @Test
    void a403MappedToAnotherKindFailsEveryPermissionCase() {
        Events tests = run(Contracts.ForbiddenAsProviderError.class);
        assertThat(names(tests.failed().list())).containsExactlyInAnyOrder(
                "permission missing (403): helpdesk-forbidden-as-error.open_tickets",
                "permission missing (403): helpdesk-forbidden-as-error.recent_tickets",
                "permission missing (403): stream tickets");
        assertThat(tests.failed().list()).allSatisfy(event -> assertThat(message(event))
                .contains("failed with provider_error (PROVIDER_ERROR)").contains("ConnectorException.permissionMissing(permission, message)"));
    }

    @Test
    void aClaimedCapabilityMissingFailsItsCapabilityCase() {
        assertThat(onlyFailure(Contracts.WebhooksDropped.class, "capability WEBHOOKS"))
                .contains("expectedCapabilities() claims it, but Connector.webhooks() returned nothing");
    }

    @Test
    void aCapabilityPresentButNotClaimedFailsItsCapabilityCase() {
        assertThat(onlyFailure(Contracts.StreamsNotClaimed.class, "capability STREAMS"))
                .contains("Connector.streams() returned a facet that expectedCapabilities() does not claim");
    }

    @Test
    void aCloseThatThrowsTheSecondTimeFailsTheLifecycleCheck() {
        assertThat(onlyFailure(Contracts.CloseTwiceThrows.class, "lifecycle: created without I/O, closed twice without throwing"))
                .contains("close() threw on call 2").contains("make a second close() do nothing");
    }

    @Test
    void hooksLeftOutFailNamingTheHookToWrite() {
        List<Event> failed = run(Contracts.HooksLeftOut.class).failed().list();
        assertThat(names(failed)).containsExactlyInAnyOrder("webhook: a delivery signed too long ago is rejected",
                "permission missing (403): contextWithMissingPermission()");
        assertThat(failed).allSatisfy(event -> assertThat(message(event)).contains("is not overridden").contains("Optional.empty()"));
    }

    @Test
    void hooksOptedOutExplicitlyLeaveTheirCasesOut() {
        Events tests = run(Contracts.HooksOptedOut.class);
        assertThat(names(tests.failed().list())).isEmpty();
        assertThat(names(tests.started().list())).noneMatch(name -> name.startsWith("permission missing (403)"));
    }
}
