package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.stripe.MirrorAgreement.Query;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What an answer from the mirror costs in requests to Stripe, against the live query, on a
 * generated account with 2,000 subscriptions and 1,000 charges. The counts are printed for the
 * record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MirrorRequestCostTest {

    private static final int SUBSCRIPTIONS = 2_000;

    private InstalledConnector connector;
    private FakeStripe fake;
    private String key;
    private InMemoryMirror mirror;
    private MirrorAgreement agreement;

    @BeforeAll
    void backfill() {
        fake = FakeStripe.start(FakeStripeAccount.generate(2026, AccountSize.of(400, SUBSCRIPTIONS, 1_000)));
        key = fake.addKey(KeyAccess.allReads());
        connector = StripeConnectors.pointedAt(fake, StripeConnectors.FAST);
        mirror = InMemoryMirror.backfill(connector.streams().orElseThrow(), this::context, MirrorQueriesTest.ALL_STREAMS);
        agreement = new MirrorAgreement(connector, this::context, mirror);
    }

    @AfterAll
    void stop() {
        connector.connector().close();
        fake.close();
    }

    private ConnectorContext context() {
        return FakeStripeContexts.following(fake, key);
    }

    /** Requests sent while answering: from the mirror first (cold: the account's profile not yet known), then live. */
    private record Cost(long mirror, long mirrorPaths, long live, QueryResult mirrored, QueryResult liveResult) {
    }

    private Cost cost(Query query) {
        ConnectorContext context = context();
        fake.resetRequests();
        Optional<QueryResult> mirrored = agreement.mirrored(query, context);
        long fromMirror = fake.requestCount();
        long accountReads = fake.requestCount("/v1/account");
        fake.resetRequests();
        QueryRequest request = MirrorAgreement.request(connector, query);
        QueryResult live = connector.connector().runQuery(context, request);
        long fromLive = fake.requestCount();
        assertThat(mirrored).as("%s from the mirror", query).isPresent();
        MirrorAgreement.assertSame(query, live, mirrored.get());
        System.out.printf("%s: %d request(s) from the mirror (%d to /v1/account), %d live%n", query, fromMirror, accountReads, fromLive);
        return new Cost(fromMirror, accountReads, fromLive, mirrored.get(), live);
    }

    @Test
    void mirrorAnswersCostAtMostTheAccountsDefaultCurrencyWhereLiveReadsEveryPage() {
        // First: the account's profile is not known yet, so MRR reads it (once an hour per key).
        Cost mrr = cost(new Query("stripe.mrr", null));
        assertThat(mrr.mirror()).isEqualTo(1);
        assertThat(mrr.mirrorPaths()).isEqualTo(1);
        long activeOrPastDue = fake.account().objects("subscription").stream()
                .filter(s -> s.get("status").asText().equals("active") || s.get("status").asText().equals("past_due")).count();
        assertThat(mrr.live()).as("pages of active and past-due subscriptions, and of coupons")
                .isGreaterThanOrEqualTo(activeOrPastDue / 100).isGreaterThan(10);

        Cost warmMrr = cost(new Query("stripe.mrr", null));
        assertThat(warmMrr.mirror()).isZero();
        Cost mrrInEur = cost(new Query("stripe.mrr", "{\"currency\": \"eur\"}"));
        assertThat(mrrInEur.mirror()).isZero();

        Cost charges = cost(new Query("stripe.recent_charges", "{\"limit\": 100}"));
        assertThat(charges.mirror()).isZero();
        assertThat(charges.live()).isEqualTo(1);

        Cost revenue = cost(new Query("stripe.revenue", "{\"days\": 3660}"));
        assertThat(revenue.mirror()).isZero();
        assertThat(revenue.live()).isGreaterThan(10);
        assertThat(revenue.liveResult().data().get("transactions").asLong()).isPositive();
    }
}
