package com.example.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs the contract test against deliberately broken connectors and checks that it fails exactly
 * where each defect is, and passes everything else: a kit that cannot fail proves nothing.
 */
class ContractTestCatchesDefectsTest {

    /** The contract, pointed at one broken variant each. Not run directly: only through the engine below. */
    static final class Contracts {
        private Contracts() {
        }

        static class PlainToken extends HelpdeskContract {
            @Override
            protected String connectorTypeId() {
                return "helpdesk-plain-token";
            }
        }

        static class Eager extends HelpdeskContract {
            @Override
            protected String connectorTypeId() {
                return "helpdesk-eager";
            }
        }

        static class UntypedFailure extends HelpdeskContract {
            @Override
            protected String connectorTypeId() {
                return "helpdesk-untyped";
            }
        }

        static class Overpromising extends HelpdeskContract {
            @Override
            protected String connectorTypeId() {
                return "helpdesk-overpromising";
            }
        }

        static class HalfFeed extends HelpdeskContract {
            @Override
            protected String connectorTypeId() {
                return "helpdesk-half-feed";
            }
        }

        static class EmptyStreams extends HelpdeskContract {
            @Override
            protected String connectorTypeId() {
                return "helpdesk-empty-streams";
            }
        }

        static class CredentialHungryWebhooks extends HelpdeskContract {
            @Override
            protected String connectorTypeId() {
                return "helpdesk-credential-hungry";
            }
        }
    }

    private static List<String> failedTests(Class<?> contract) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
        assertThat(tests.succeeded().count()).as("tests of %s that still pass", contract.getSimpleName()).isPositive();
        return tests.failed().list().stream().map(event -> event.getTestDescriptor().getDisplayName()).toList();
    }

    @Test
    void aSecretFieldNotMarkedSecretFailsTheDescriptorCheck() {
        assertThat(failedTests(Contracts.PlainToken.class)).containsExactly("descriptorIsCompleteAndConsistent()");
    }

    @Test
    void aParameterCheckSkippedUntilTheNetworkFailsTheOfflineRefusal() {
        assertThat(failedTests(Contracts.Eager.class))
                .containsExactly("helpdesk-eager.recent_tickets: {\"requester_email\":\"not-an-email\"} (connector check)");
    }

    @Test
    void anUntypedFailureFailsTheTypedErrorCheck() {
        assertThat(failedTests(Contracts.UntypedFailure.class))
                .containsExactlyInAnyOrder("rejectedCredentialsAreATypedFailure()", "anUnavailableProviderIsARetryableTypedFailure()");
    }

    @Test
    void aDeclaredFieldNeverReturnedFailsTheResultCheck() {
        assertThat(failedTests(Contracts.Overpromising.class)).containsExactly("helpdesk-overpromising.open_tickets");
    }

    @Test
    void aChangeFeedThatStartsButCannotBeReadFailsTheFeedCheck() {
        assertThat(failedTests(Contracts.HalfFeed.class)).containsExactly("aChangeFeedIsEitherWholeOrAbsent()");
    }

    @Test
    void readingCredentialsWhileVerifyingAWebhookFailsTheWebhookCheck() {
        assertThat(failedTests(Contracts.CredentialHungryWebhooks.class))
                .containsExactly("webhooksAreVerifiedAndNameOnlyDeclaredQueryTypesAndStreams()");
    }

    @Test
    void streamsReadAsEmptyFailTheStreamKeysCheckNamingTheStream() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Contracts.EmptyStreams.class)).execute().testEvents();
        assertThat(tests.failed().list()).singleElement().satisfies(event -> {
            assertThat(event.getTestDescriptor().getDisplayName()).isEqualTo("tickets");
            assertThat(event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable))
                    .get().extracting(Throwable::getMessage).asString()
                    .contains("stream 'tickets' read no records").contains("give your fake at least one record of 'tickets'");
        });
        assertThat(tests.succeeded().count()).as("tests of EmptyStreams that still pass").isPositive();
    }
}
