package io.tributary.connector.testkit;

import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.Change;
import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.ChangePage;
import io.tributary.connector.spi.ChangeRequest;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.StreamDescriptor;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;

/**
 * The change feed as the host uses it: a cursor taken now reads (the host takes one before every
 * backfill), changes name only the streams asked for, and a malformed cursor is refused before any
 * credential is read or request sent.
 */
final class ChangeFeedCases {

    private final ChangeFeed feed;
    private final Set<String> streams;
    private final Supplier<ConnectorContext> context;
    private final LongSupplier providerRequests;

    ChangeFeedCases(InstalledConnector installed, Supplier<ConnectorContext> context, LongSupplier providerRequests) {
        this.feed = installed.changeFeed().orElseThrow();
        this.streams = installed.streamDescriptors().stream().filter(StreamDescriptor::incremental).map(StreamDescriptor::name)
                .collect(Collectors.toSet());
        this.context = context;
        this.providerRequests = providerRequests;
    }

    List<DynamicTest> tests() {
        return List.of(DynamicTest.dynamicTest("change feed: a cursor taken now reads", this::cursorTakenNowReads),
                DynamicTest.dynamicTest("change feed: a malformed cursor is refused offline", this::malformedCursorRefusedOffline));
    }

    private void cursorTakenNowReads() {
        String caseName = "change feed: a cursor taken now reads";
        String cursor = call(caseName, () -> feed.start(context.get()));
        Verdicts.check(cursor != null && !cursor.isBlank(), caseName, "start() returned no cursor", "return where the feed stands now");
        ChangePage page = call(caseName, () -> feed.read(context.get(), new ChangeRequest(cursor, streams, 10)));
        Verdicts.check(!page.cursorExpired(), caseName, "a cursor just taken is reported expired", "expire only cursors older than the feed's history");
        for (Change change : page.changes()) {
            Verdicts.check(streams.contains(change.stream()), caseName, "a change of stream '" + change.stream()
                    + "' came back for a request of " + streams, "leave out changes to streams not in ChangeRequest.streams()");
        }
    }

    private static <T> T call(String caseName, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ConnectorException e) {
            AssertionError error = Verdicts.failure(caseName, "the feed failed: " + e.errorCode().code() + " (" + e.getMessage() + ")",
                    "make start() and read() work together, or return no change feed from Streams.changeFeed()");
            error.initCause(e);
            throw error;
        }
    }

    private void malformedCursorRefusedOffline() {
        String caseName = "change feed: a malformed cursor is refused offline";
        long requestsBefore = providerRequests.getAsLong();
        CountingContext counting = new CountingContext(context.get());
        Verdicts.failsWithKind(caseName, () -> feed.read(counting, new ChangeRequest("not a cursor \u0000 of this feed", streams, 10)),
                ErrorKind.INVALID_PARAMETERS, "parse the cursor first and refuse one the feed never gave with ErrorKind.INVALID_PARAMETERS");
        Verdicts.check(counting.credentialReads() == 0, caseName, "credentials were read for a malformed cursor", "check the cursor before reading credentials");
        Verdicts.check(providerRequests.getAsLong() == requestsBefore, caseName, "requests were sent for a malformed cursor",
                "check the cursor before calling the outside system");
    }
}
